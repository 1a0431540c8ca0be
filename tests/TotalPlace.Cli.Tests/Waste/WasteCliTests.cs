using System.Text.Json;
using TotalPlace.Cli.Tests.Infrastructure;

namespace TotalPlace.Cli.Tests.Waste;

/// <summary>The asset and waste verbs in-process: import two partners' asset registers, find co-location, reject the
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

        var imported = await InProcessCli.RunAsync("assets", "import", "--store", store, "--place", "E08000003", "--agency", "Manchester City Council", council);
        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("Imported 2 assets", imported.StdOut, StringComparison.Ordinal);
        Assert.Equal(0, (await InProcessCli.RunAsync("assets", "import", "--store", store, "--place", "E08000003", "--agency", "Manchester NHS Trust", trust)).ExitCode);

        var first = await InProcessCli.RunAsync("waste", "--store", store, "--place", "E08000003", "--kind", "assets", "--format", "json");
        Assert.Equal(0, first.ExitCode);
        using var json = JsonDocument.Parse(first.StdOut);
        var finding = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal("co-location", finding.GetProperty("kind").GetString());
        Assert.Equal(64_000m, finding.GetProperty("money_at_stake").GetDecimal()); // the Health Centre moves into the Town Hall: £80,000 × 0.8, leasehold so no receipt
        var key = finding.GetProperty("key").GetString()!;

        var review = await InProcessCli.RunAsync("waste", "review", "--store", store, "--place", "E08000003", "--finding", key, "--state", "false-positive", "--note", "listed building");
        Assert.Equal(0, review.ExitCode);

        var later = await InProcessCli.RunAsync("waste", "--store", store, "--place", "E08000003", "--kind", "assets", "--format", "json");
        Assert.Empty(JsonDocument.Parse(later.StdOut).RootElement.EnumerateArray());
        var withRejected = await InProcessCli.RunAsync("waste", "--store", store, "--place", "E08000003", "--kind", "assets", "--all", "--format", "csv");
        Assert.Contains("false positive", withRejected.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssetsAndSpend_CoLocationFindingSaysHowMuchRunningCostTheMapCounts()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "place.duckdb");
        var council = Path.Combine(folder.Path, "council.csv");
        var trust = Path.Combine(folder.Path, "trust.csv");
        var spend = Path.Combine(folder.Path, "spend.csv");
        await File.WriteAllTextAsync(council, CouncilAssets, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(trust, TrustAssets, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(spend, """
            Date,Transaction Number,Amount,Supplier Name,Expense Type,Expense Area,Description
            03/06/2024,T1,41000.00,NORTHERN POWER LTD,Electricity,Corporate Estates,Town Hall electricity June
            04/06/2024,T2,9000.00,CITY CLEANERS LTD,Cleaning,Corporate Estates,UPRN 100001 cleaning
            05/06/2024,T3,250000.00,CARE HOMES LTD,Care Spot,Adult Social Care,Town Hall care team
            """, TestContext.Current.CancellationToken);
        (await InProcessCli.RunAsync("assets", "import", "--store", store, "--place", "E08000003", "--agency", "Manchester City Council", council)).ShouldSucceed();
        (await InProcessCli.RunAsync("assets", "import", "--store", store, "--place", "E08000003", "--agency", "Manchester NHS Trust", trust)).ShouldSucceed();
        (await InProcessCli.RunAsync("import", "--store", store, "--place", "E08000003", "--agency", "Manchester City Council", spend)).ShouldSucceed();

        var run = await InProcessCli.RunAsync("waste", "--store", store, "--place", "E08000003", "--kind", "assets", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.StdOut);
        var property = Assert.Single(json.RootElement.EnumerateArray().ToList()).GetProperty("explanation");
        var explanation = property.ValueKind == JsonValueKind.Array ? string.Join('\n', property.EnumerateArray().Select(e => e.GetString())) : property.GetString()!;
        // Only the cleaning line names the Town Hall by its UPRN: "Town Hall" is too generic a name to link on, and
        // the care payment is not a running cost.
        Assert.Contains("The spend map already counts £9,000 of these buildings' running cost (£600,000 a year for the 1 of 2 linked): Town Hall £9,000 in 2024-25 from 1 lines by UPRN 100001.", explanation, StringComparison.Ordinal);
        Assert.Contains("Across the estate, 1 of 3 assets with a running cost are linked to spend lines", explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssetsImport_BadRegister_FailsWithRowAndColumnAndImportsNothing()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "place.duckdb");
        var bad = Path.Combine(folder.Path, "bad.csv");
        await File.WriteAllTextAsync(bad, "Property Name,UPRN,Easting,Northing\nHall,1,abc,398200\n", TestContext.Current.CancellationToken);

        var result = await InProcessCli.RunAsync("assets", "import", "--store", store, "--place", "E08000003", "--agency", "Council", bad);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("bad.csv", result.StdOut + result.StdErr, StringComparison.Ordinal);
        Assert.Contains("Easting", result.StdOut + result.StdErr, StringComparison.Ordinal);
    }
}
