using System.Text.Json;
using TotalPlace.Cli.Tests.Infrastructure;

namespace TotalPlace.Cli.Tests.Hostile;

/// <summary>Issue 15, the same-file rule through the CLI verbs (in-process): identical nil returns from two partners are each stored;
/// the same bytes with lines for a second agency are refused (exit 3) and leave no new agency behind; the same file
/// again for the same agency adds nothing.</summary>
[Trait("Issue", "15")]
public sealed class SameFileTests
{
    private const string Place = "E10000008";

    [Fact]
    public async Task Import_IdenticalNilReturnsForTwoAgencies_StoresEach_ButTheSameLinesForAnotherAgencyAreRefused()
    {
        using var folder = new TempFolder();
        var store = folder.File("same.duckdb");
        var nil = folder.File("nil-return.csv");
        var lines = folder.File("payments.csv");
        await File.WriteAllTextAsync(nil, "Date,Supplier,Amount\r\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(lines, "Date,Supplier,Amount\r\n03/05/2024,Acme,1000.00\r\n", TestContext.Current.CancellationToken);

        var police = (await InProcessCli.RunAsync("import", "--store", store, "--place", Place, "--agency", "Police", "--agency-kind", "police", nil)).ShouldSucceed();
        var fire = (await InProcessCli.RunAsync("import", "--store", store, "--place", Place, "--agency", "Fire", "--agency-kind", "fire-and-rescue", nil)).ShouldSucceed();
        var fireAgain = (await InProcessCli.RunAsync("import", "--store", store, "--place", Place, "--agency", "Fire", nil)).ShouldSucceed();
        (await InProcessCli.RunAsync("import", "--store", store, "--place", Place, "--agency", "Police", lines)).ShouldSucceed();
        var ambulance = await InProcessCli.RunAsync("import", "--store", store, "--place", Place, "--agency", "Ambulance", "--agency-kind", "nhs", lines);

        Assert.Contains("nil return", police.StdOut, StringComparison.Ordinal);
        Assert.Contains("nil return", fire.StdOut, StringComparison.Ordinal);
        Assert.Contains("already imported", fireAgain.StdOut, StringComparison.Ordinal);
        Assert.Equal(3, ambulance.ExitCode);
        Assert.Contains("already stored for Police", ambulance.StdErr + ambulance.StdOut, StringComparison.Ordinal);

        var batches = (await InProcessCli.RunAsync("batches", "--store", store, "--format", "json")).ShouldSucceed();
        using var json = JsonDocument.Parse(batches.StdOut);
        var agencies = json.RootElement.EnumerateArray().Select(b => b.GetProperty("agency").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["Fire", "Police", "Police"], agencies);
        var places = (await InProcessCli.RunAsync("places", "--store", store, "--format", "json")).ShouldSucceed();
        using var placesJson = JsonDocument.Parse(places.StdOut);
        Assert.Equal(2, placesJson.RootElement.EnumerateArray().Single().GetProperty("agencies").GetInt64());
    }
}
