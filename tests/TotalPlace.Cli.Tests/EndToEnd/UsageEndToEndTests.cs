using TotalPlace.Cli.Tests.Infrastructure;

namespace TotalPlace.Cli.Tests.EndToEnd;

/// <summary>Errors a user makes on the command line: a non-zero exit and one clear line, never a stack trace. Run
/// in-process: parsing, validation and the error handler are the subject, and they are the binary's own
/// (<see cref="CliApp.Configure"/>); <see cref="ProcessBoundaryTests"/> checks the same on the real binary's streams.</summary>
public sealed class UsageEndToEndTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Help_ListsTheSpendVerbs()
    {
        var result = (await InProcessCli.RunAsync("--help")).ShouldSucceed();

        foreach (var verb in new[] { "import", "map", "batches", "demo", "transactions", "rules", "reclassify", "places" })
        {
            Assert.Contains(verb, result.StdOut, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(2, "map", "--store", "x.duckdb", "--place", "Manchester")]
    [InlineData(2, "map", "--store", "x.duckdb")]
    [InlineData(2, "map", "--store", "x.duckdb", "--place", "E08000003", "--by", "colour")]
    [InlineData(2, "import", "--store", "x.duckdb", "--place", "E08000003", "nowhere.csv")]
    [InlineData(2, "import", "--store", "x.duckdb", "--place", "E08000003", "--agency", "A", "--agency-kind", "spaceship", "nowhere.csv")]
    [InlineData(2, "no-such-verb")]
    [InlineData(4, "map", "--store", "missing.duckdb", "--place", "E08000003")]
    [InlineData(4, "batches", "--store", "missing.duckdb")]
    [InlineData(4, "batches", "--store", "postgres://nobody@127.0.0.1:1/totalplace")]
    public async Task BadCommandLine_ExitsNonZeroWithOneLine(int exitCode, params string[] args)
    {
        var result = await InProcessCli.RunAsync(InTemp(args));

        Assert.Equal(exitCode, result.ExitCode);
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingFile_NamesIt()
    {
        var result = await InProcessCli.RunAsync(InTemp("import", "--store", "x.duckdb", "--place", "E08000003", "--agency", "Manchester City Council", "nowhere.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nowhere.csv", result.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("x.duckdb")), "a failed command line creates no store");
    }

    /// <summary>The file names of a case, made paths in this test's folder (the binary would resolve them against its
    /// working directory, which an in-process run does not change).</summary>
    private string[] InTemp(params string[] args) =>
        [.. args.Select(a => a.EndsWith(".duckdb", StringComparison.Ordinal) || a.EndsWith(".csv", StringComparison.Ordinal) ? _temp.File(a) : a)];
}
