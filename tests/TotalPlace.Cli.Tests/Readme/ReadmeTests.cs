using System.Reflection;
using System.Text.RegularExpressions;
using TotalPlace.Cli.Tests.Infrastructure;

namespace TotalPlace.Cli.Tests.Readme;

/// <summary>
/// Keeps README.md true: the quick start is exactly the two commands a newcomer types, every CLI example in it runs
/// against the real binary, and every relative link points at a file that exists (Sep's ReadMeTest idea).
/// </summary>
public sealed partial class ReadmeTests : IDisposable
{
    private static readonly string s_root = FindRepositoryRoot();
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void QuickStart_IsExactlyTwoCommands_RunTheWebAppAndRunTheTests()
    {
        var quickStart = Section(ReadReadme(), "## Quick start");
        var block = CodeBlocks(quickStart).First();

        Assert.Equal(["dotnet run --project src/TotalPlace.Web", "./test.sh"], block);
        Assert.True(File.Exists(Path.Combine(s_root, "src", "TotalPlace.Web", "TotalPlace.Web.csproj")));
        Assert.True(File.Exists(Path.Combine(s_root, "test.sh")));
        Assert.Contains("./test.sh", File.ReadAllText(Path.Combine(s_root, ".ci", "run")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandLineExamples_RunAgainstTheRealBinary()
    {
        var examples = CodeBlocks(Section(ReadReadme(), "## The command line"))
            .SelectMany(lines => lines)
            .Where(line => line.StartsWith("dotnet run --project src/TotalPlace.Cli -- ", StringComparison.Ordinal))
            .ToList();
        Assert.True(examples.Count >= 4, "the README shows the main verbs");
        var store = _temp.File("place.duckdb");

        foreach (var example in examples)
        {
            var args = SplitArguments(example["dotnet run --project src/TotalPlace.Cli -- ".Length..])
                .Select(arg => arg == "place.duckdb" ? store : arg)
                .ToArray();

            var result = await CliRunner.RunInAsync(s_root, args);

            Assert.True(result.ExitCode == 0, $"README example failed ({result.ExitCode}): {example}\n{result.StdErr}");
        }
    }

    [Fact]
    public void RelativeLinks_PointAtFilesThatExist()
    {
        var missing = MarkdownLink().Matches(ReadReadme())
            .Select(m => m.Groups["target"].Value)
            .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith('#'))
            .Select(target => target.Split('#')[0])
            .Where(target => !File.Exists(Path.Combine(s_root, target)) && !Directory.Exists(Path.Combine(s_root, target)))
            .ToList();

        Assert.Empty(missing);
    }

    private static string ReadReadme() => File.ReadAllText(Path.Combine(s_root, "README.md"));

    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"README has a '{heading}' section");
        var next = markdown.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return next < 0 ? markdown[start..] : markdown[start..next];
    }

    private static List<List<string>> CodeBlocks(string markdown) =>
        FencedBlock().Matches(markdown)
            .Select(m => m.Groups["body"].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList())
            .ToList();

    private static IEnumerable<string> SplitArguments(string commandLine) =>
        Argument().Matches(commandLine).Select(m => m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Value);

    private static string FindRepositoryRoot()
    {
        var recorded = typeof(ReadmeTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "TotalPlace.slnx")))
        {
            return recorded;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TotalPlace.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"TotalPlace.slnx was not found above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"```bash\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex("\"(?<quoted>[^\"]*)\"|\\S+")]
    private static partial Regex Argument();
}
