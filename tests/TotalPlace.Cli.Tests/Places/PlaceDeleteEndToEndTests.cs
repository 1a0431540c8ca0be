using System.Text;
using System.Text.Json;
using TotalPlace.Cli.Tests.Infrastructure;

namespace TotalPlace.Cli.Tests.Places;

/// <summary><c>place delete</c> run in-process (issue 15): nothing without --confirm repeating the code (exit 2,
/// saying what would go), then one line or JSON with the counts and the money of the lines removed, the neighbouring
/// place untouched, the deletion on the audit trail, and exit 3 for a place that is not there.</summary>
[Trait("Issue", "15")]
public sealed class PlaceDeleteEndToEndTests : IDisposable
{
    private const string Mistake = "E06000047";
    private const string Kept = "E10000008";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task PlaceDelete_ConfirmedByTheCode_RemovesThePlaceItsLinesAndOnlyThem()
    {
        var store = _temp.File("delete.duckdb");
        (await InProcessCli.RunAsync("import", "--store", store, "--place", Mistake, "--agency", "Durham County Council", "--as", "alice", SampleFiles.Devon202504)).ShouldSucceed();
        (await InProcessCli.RunAsync("import", "--store", store, "--place", Kept, "--agency", "Devon County Council", SampleFiles.MinistryOfJustice)).ShouldSucceed();
        var (total, rows) = IndependentTotal.Sum(SampleFiles.Devon202504, "Amount", Encoding.UTF8);

        var unconfirmed = await InProcessCli.RunAsync("place", "delete", Mistake, "--store", store);
        var wrong = await InProcessCli.RunAsync("place", "delete", Mistake, "--store", store, "--confirm", Kept);
        var deleted = (await InProcessCli.RunAsync("place", "delete", Mistake, "--store", store, "--confirm", Mistake.ToLowerInvariant(), "--as", "ann", "--format", "json")).ShouldSucceed();
        var again = await InProcessCli.RunAsync("place", "delete", Mistake, "--store", store, "--confirm", Mistake);
        var invalid = await InProcessCli.RunAsync("place", "delete", "E0600", "--store", store, "--confirm", "E0600");

        Assert.Equal(2, unconfirmed.ExitCode);
        Assert.Contains("nothing was deleted", unconfirmed.StdErr, StringComparison.Ordinal);
        Assert.Contains($"--confirm {Mistake}", unconfirmed.StdErr, StringComparison.Ordinal);
        Assert.Single(unconfirmed.StdErr.Trim().Split('\n'));
        Assert.Equal(2, wrong.ExitCode);
        var json = JsonDocument.Parse(deleted.StdOut).RootElement;
        Assert.Equal(Mistake, json.GetProperty("place").GetString());
        Assert.Equal(1, json.GetProperty("batches").GetInt64());
        Assert.Equal(rows, json.GetProperty("transaction_lines").GetInt64());
        Assert.Equal(total, json.GetProperty("transactions_total").GetDecimal());
        Assert.Equal(rows, json.GetProperty("rows").GetProperty("spend_transaction").GetInt64());
        Assert.Equal(3, again.ExitCode);
        Assert.Contains($"no place {Mistake}", again.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, invalid.ExitCode);

        var places = JsonDocument.Parse((await InProcessCli.RunAsync("places", "--store", store, "--format", "json")).ShouldSucceed().StdOut).RootElement;
        Assert.Equal([Kept], places.EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        var audit = (await InProcessCli.RunAsync("audit", "--store", store, "--all", "--format", "json")).ShouldSucceed().StdOut;
        Assert.Contains("place.deleted", audit, StringComparison.Ordinal);
        Assert.Contains("batch.imported", audit, StringComparison.Ordinal);
    }
}
