using DuckDB.NET.Data;
using TotalPlace.Cli.Tests.Infrastructure;

namespace TotalPlace.Cli.Tests.Audit;

/// <summary><c>totalplace audit verify</c> run in-process, on a DuckDB file tampered with by another client.</summary>
public sealed class AuditVerifyEndToEndTests : IDisposable
{
    private const string Devon = "E10000008";
    private const string Council = "Devon County Council";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static async Task SqlAsync(string store, string sql)
    {
        await using var connection = new DuckDBConnection("Data Source=" + store);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>place.created and batch.imported (alice), rule.added (bob).</summary>
    private async Task<string> StoreWithThreeEntriesAsync()
    {
        var store = _temp.File("audit.duckdb");
        (await InProcessCli.RunAsync("import", "--store", store, "--place", Devon, "--agency", Council, "--as", "alice", SampleFiles.Devon202504)).ShouldSucceed();
        (await InProcessCli.RunAsync("rules", "add", "--as", "bob", "--store", store, "--place", Devon, "--field", "expense-type", "--match", "contains", "--pattern", "Agency Supply Staff", "--theme", "housing")).ShouldSucceed();
        return store;
    }

    [Fact]
    public async Task Verify_Untouched_SaysChainIntactWithTheHead()
    {
        var store = await StoreWithThreeEntriesAsync();

        var result = (await InProcessCli.RunAsync("audit", "verify", "--store", store)).ShouldSucceed();

        Assert.Matches(@"^3 entries, chain intact; head [0-9a-f]{64} \(entry 3\)$", result.StdOut.Trim());
    }

    [Fact]
    public async Task Verify_EntryEditedByAnotherClient_NamesTheEntryAndExits6()
    {
        var store = await StoreWithThreeEntriesAsync();

        await SqlAsync(store, "UPDATE audit_log SET actor = 'mallory' WHERE audit_id = 1");
        var result = await InProcessCli.RunAsync("audit", "verify", "--store", store);

        Assert.Equal(6, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: audit chain broken at entry 1: entry 1 was changed after it was written", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_LastEntryDeleted_IsCaughtWithTheHeadKeptElsewhere()
    {
        var store = await StoreWithThreeEntriesAsync();
        var head = (await InProcessCli.RunAsync("audit", "verify", "--store", store)).ShouldSucceed().StdOut.Split("head ")[1][..64];

        await SqlAsync(store, "DELETE FROM audit_log WHERE audit_id = 3");
        var without = await InProcessCli.RunAsync("audit", "verify", "--store", store);
        var with = await InProcessCli.RunAsync("audit", "verify", "--store", store, "--expect-head", head);

        Assert.Equal(0, without.ExitCode);
        Assert.StartsWith("2 entries, chain intact", without.StdOut.Trim(), StringComparison.Ordinal);
        Assert.Equal(6, with.ExitCode);
        Assert.Contains("not the expected", with.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_WithoutVerify_StillListsTheTrail()
    {
        var store = await StoreWithThreeEntriesAsync();

        var result = (await InProcessCli.RunAsync("audit", "--store", store, "--format", "csv")).ShouldSucceed();

        Assert.Equal(4, result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
