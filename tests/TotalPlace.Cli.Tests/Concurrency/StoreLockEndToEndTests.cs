using System.Text.Json;
using DuckDB.NET.Data;
using TotalPlace.Cli.Tests.Infrastructure;
using TotalPlace.Testing;

namespace TotalPlace.Cli.Tests.Concurrency;

/// <summary>Several processes on one DuckDB file (issue 15 item 12): verbs that only read open it read-only and share
/// it; a verb that finds the file held waits, says so, and after TOTALPLACE_LOCK_WAIT fails with one line and exit 5.</summary>
public sealed class StoreLockEndToEndTests : IDisposable
{
    private const string Devon = "E10000008";
    private const string Council = "Devon County Council";
    private static readonly Dictionary<string, string> s_shortWait = new() { ["TOTALPLACE_LOCK_WAIT"] = "2" };
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> ImportedStoreAsync()
    {
        var store = _temp.File("shared.duckdb");
        (await CliRunner.RunAsync("import", "--store", store, "--place", Devon, "--agency", Council, SampleFiles.Devon202504)).ShouldSucceed();
        return store;
    }

    [Fact]
    public async Task ReadVerbs_WhileAnotherProcessReads_RunAndAWriterWaitsThenFailsWithExit5()
    {
        var store = await ImportedStoreAsync();

        // This test process holds the file the way a reading verb does: DuckDB's shared, read-only lock.
        await using (var reader = new DuckDBConnection("Data Source=" + store + ";ACCESS_MODE=READ_ONLY"))
        {
            await reader.OpenAsync(Ct);
            var batches = await CliRunner.RunWithAsync(null, s_shortWait, "batches", "--store", store, "--format", "json");
            var map = await CliRunner.RunWithAsync(null, s_shortWait, "map", "--store", store, "--place", Devon, "--by", "theme", "--format", "json");
            var audit = await CliRunner.RunWithAsync(null, s_shortWait, "audit", "verify", "--store", store);
            var writer = await CliRunner.RunWithAsync(null, s_shortWait, "rules", "add", "--store", store, "--place", Devon, "--field", "expense-type", "--match", "contains", "--pattern", "Agency", "--theme", "housing");

            batches.ShouldSucceed();
            map.ShouldSucceed();
            audit.ShouldSucceed();
            Assert.Single(JsonDocument.Parse(batches.StdOut).RootElement.EnumerateArray());
            Assert.Equal(5, writer.ExitCode);
            Assert.Contains("waiting for the store, held by another process", writer.StdErr, StringComparison.Ordinal);
            var error = Assert.Single(writer.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
            Assert.Contains("was not let go within 2 s", error, StringComparison.Ordinal);
        }

        // Once the reader has gone, the same write goes through.
        (await CliRunner.RunAsync("rules", "add", "--store", store, "--place", Devon, "--field", "expense-type", "--match", "contains", "--pattern", "Agency", "--theme", "housing")).ShouldSucceed();
    }

    [Fact]
    public async Task ReadVerb_WhileAnotherProcessHoldsAWriteTransaction_WaitsWithAMessageAndFailsWithExit5()
    {
        var store = await ImportedStoreAsync();

        await using (var writer = new DuckDBConnection("Data Source=" + store))
        {
            await writer.OpenAsync(Ct);
            await using var transaction = await writer.BeginTransactionAsync(Ct);
            await using (var command = writer.CreateCommand())
            {
                command.CommandText = "UPDATE place SET name = name";
                await command.ExecuteNonQueryAsync(Ct);
            }

            var read = await CliRunner.RunWithAsync(null, s_shortWait, "batches", "--store", store);

            Assert.Equal(5, read.ExitCode);
            Assert.Contains("waiting for the store, held by another process", read.StdErr, StringComparison.Ordinal);
            Assert.Contains("error: The store " + store + " is held by another process", read.StdErr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", read.StdErr, StringComparison.Ordinal);
        }

        (await CliRunner.RunAsync("batches", "--store", store)).ShouldSucceed();
    }

    [Fact]
    public async Task Imports_FromTwoProcessesAtOnce_BothSucceed()
    {
        var store = _temp.File("two.duckdb");

        var first = CliRunner.RunAsync("import", "--store", store, "--place", Devon, "--agency", Council, SharedData.Devon202504);
        var second = CliRunner.RunAsync("import", "--store", store, "--place", Devon, "--agency", Council, SharedData.Devon201407);
        var results = await Task.WhenAll(first, second);

        foreach (var result in results)
        {
            result.ShouldSucceed();
        }

        var batches = JsonDocument.Parse((await CliRunner.RunAsync("batches", "--store", store, "--format", "json")).ShouldSucceed().StdOut).RootElement;
        Assert.Equal(2, batches.GetArrayLength());
        Assert.Equal(
            IndependentTotal.Sum(SharedData.Devon202504, "Amount", System.Text.Encoding.UTF8).Total + IndependentTotal.Sum(SharedData.Devon201407, "Amount", System.Text.Encoding.UTF8).Total,
            batches.EnumerateArray().Sum(b => b.GetProperty("total").GetDecimal()));
    }
}
