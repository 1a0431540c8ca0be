using System.Text.Json;
using TotalPlace.Cli.Tests.Infrastructure;

namespace TotalPlace.Cli.Tests.Waste;

/// <summary>End to end through the real binary: import two partners' asset registers, find co-location, reject the
/// finding, and see the next run respect the decision.</summary>
public sealed class WasteCliTests
{
    private const string CouncilAssets = """
        UPRN,Property Name,Postcode,Easting,Northing,Tenure,GIA m2,Annual Running Cost,Utilisation
        100001,Town Hall,M2 5DB,383800,398200,Freehold,5000,600000,50%
        100002,Depot,M11 2AA,387000,399000,Freehold,900,50000,90%
        """;

    private const string TrustAssets = """
        UPRN,Property Name,Postcode,Easting,Northing,Tenure,GIA m2,Annual Running Cost,Utilisation
        200001,Health Centre,M2 4AB,383950,398350,Leasehold,700,80000,40%
        """;

    [Fact]
    public async Task AssetsImportThenWaste_RejectedFindingIsHiddenOnTheNextRun()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "place.duckdb");
        var council = Path.Combine(folder.Path, "council.csv");
        var trust = Path.Combine(folder.Path, "trust.csv");
        await File.WriteAllTextAsync(council, CouncilAssets, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(trust, TrustAssets, TestContext.Current.CancellationToken);

        var imported = await CliRunner.RunAsync("assets", "import", "--store", store, "--place", "E08000003", "--agency", "Manchester City Council", council);
        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("Imported 2 assets", imported.StdOut, StringComparison.Ordinal);
        Assert.Equal(0, (await CliRunner.RunAsync("assets", "import", "--store", store, "--place", "E08000003", "--agency", "Manchester NHS Trust", trust)).ExitCode);

        var first = await CliRunner.RunAsync("waste", "--store", store, "--place", "E08000003", "--kind", "assets", "--format", "json");
        Assert.Equal(0, first.ExitCode);
        using var json = JsonDocument.Parse(first.StdOut);
        var finding = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal("co-location", finding.GetProperty("kind").GetString());
        Assert.Equal(64_000m, finding.GetProperty("moneyAtStake").GetDecimal()); // the Health Centre moves into the Town Hall: £80,000 × 0.8, leasehold so no receipt
        var key = finding.GetProperty("key").GetString()!;

        var review = await CliRunner.RunAsync("waste", "review", "--store", store, "--place", "E08000003", "--finding", key, "--state", "false-positive", "--note", "listed building");
        Assert.Equal(0, review.ExitCode);

        var later = await CliRunner.RunAsync("waste", "--store", store, "--place", "E08000003", "--kind", "assets", "--format", "json");
        Assert.Empty(JsonDocument.Parse(later.StdOut).RootElement.EnumerateArray());
        var withRejected = await CliRunner.RunAsync("waste", "--store", store, "--place", "E08000003", "--kind", "assets", "--all", "--format", "csv");
        Assert.Contains("false positive", withRejected.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssetsImport_BadRegister_FailsWithRowAndColumnAndImportsNothing()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "place.duckdb");
        var bad = Path.Combine(folder.Path, "bad.csv");
        await File.WriteAllTextAsync(bad, "Property Name,UPRN,Easting,Northing\nHall,1,abc,398200\n", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("assets", "import", "--store", store, "--place", "E08000003", "--agency", "Council", bad);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("bad.csv", result.StdOut + result.StdErr, StringComparison.Ordinal);
        Assert.Contains("Easting", result.StdOut + result.StdErr, StringComparison.Ordinal);
    }
}
