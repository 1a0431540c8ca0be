using System.Text.Json;
using TotalPlace.Cli.Tests.Infrastructure;

namespace TotalPlace.Cli.Tests.EndToEnd;

/// <summary>What only the real <c>totalplace</c> process shows, kept on the binary while the verbs' behaviour is tested
/// in-process (<see cref="InProcessCli"/>): the exit code reaches the parent, the one error line is on standard error
/// and nothing else is on standard output, a verb's JSON is all its standard output holds, and <c>Program</c> takes
/// <c>--as</c> off the real argv before the verbs see it.</summary>
public sealed class ProcessBoundaryTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task UsageError_ExitCodeReachesTheShellWithOneLineOnStandardErrorOnly()
    {
        var result = await CliRunner.RunInAsync(_temp.Path, "map", "--store", "x.duckdb", "--place", "Manchester");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StdOut.Trim());
        Assert.False(File.Exists(_temp.File("x.duckdb")), "a refused command line creates no store in the working directory");
    }

    [Fact]
    public async Task ImportAsAlice_ThenAuditJson_StandardOutputIsOnlyTheJsonNamingAlice()
    {
        var store = _temp.File("boundary.duckdb");
        (await CliRunner.RunAsync("import", "--as", "alice", "--store", store, "--place", "E10000008", "--agency", "Devon County Council", SampleFiles.Devon202504)).ShouldSucceed();

        var audit = (await CliRunner.RunAsync("audit", "--store", store, "--action", "batch.imported", "--format", "json")).ShouldSucceed();

        using var json = JsonDocument.Parse(audit.StdOut);
        Assert.Equal("alice", Assert.Single(json.RootElement.EnumerateArray().ToList()).GetProperty("actor").GetString());
        Assert.Equal(string.Empty, audit.StdErr.Trim());
    }
}
