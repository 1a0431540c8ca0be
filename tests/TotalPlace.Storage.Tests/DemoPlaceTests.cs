using TotalPlace.Core;
using TotalPlace.Demo;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests;

public sealed class DemoPlaceTests(DuckDbFileFixture fixture) : IClassFixture<DuckDbFileFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BuildAsync_EmptyStore_BuildsAGreaterManchesterOfAbout22BillionAYearThatReconciles()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var progress = new List<DemoProgress>();

        var summary = await DemoPlace.BuildAsync(store, new Progress<DemoProgress>(progress.Add), Ct);

        var place = (await store.Places.FindPlaceAsync(DemoPlace.Code, Ct))!;
        Assert.Equal("Greater Manchester", place.Name);
        Assert.Equal(2_867_800, place.PopulationFor(FiscalYear.StartingIn(2022)));
        Assert.Equal(13, summary.Partners);
        Assert.Equal(13, (await store.Places.ListAgenciesAsync(DemoPlace.Code, Ct)).Count);
        Assert.InRange(summary.StatementTotals[FiscalYear.StartingIn(2022)], 21_900_000_000m, 22_100_000_000m);

        var statements = await store.Spend.MapAsync(new MapQuery(DemoPlace.Code, [MapDimension.Year], Source: MapSource.Statements), Ct);
        Assert.Equal(summary.StatementTotals.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)), statements.Rows.Select(r => (r.Year!.Value, r.Amount)));
        var transactions = await store.Spend.MapAsync(new MapQuery(DemoPlace.Code, [], Source: MapSource.Transactions), Ct);
        Assert.Equal(summary.TransactionTotal, transactions.Total);
        Assert.Equal(summary.TransactionLines, transactions.Lines);
        Assert.InRange(summary.TransactionLines, 119_000, 121_000);

        // Combined: every partner but the voluntary alliance has statements, so only its lines are added.
        var alliance = await store.Spend.MapAsync(new MapQuery(DemoPlace.Code, [], Agency: "Greater Manchester Voluntary Sector Alliance", Source: MapSource.Transactions), Ct);
        var combined = await store.Spend.MapAsync(new MapQuery(DemoPlace.Code, [MapDimension.Source]), Ct);
        Assert.Equal(statements.Total + alliance.Total, combined.Total);
        Assert.Equal(alliance.Total, combined.Rows.Single(r => r.Source == "transactions").Amount);
        Assert.Equal(1 + (13 * 3), summary.Batches);
    }

    [Fact]
    public async Task BuildAsync_ThemesInRealisticProportions_HealthWelfareAndEducationLargest()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await DemoPlace.BuildAsync(store, new DemoOptions(TransactionLinesPerYear: 2_000), cancellationToken: Ct);

        var map = await store.Spend.MapAsync(new MapQuery(DemoPlace.Code, [MapDimension.Theme], FiscalYear.StartingIn(2022), Source: MapSource.Statements), Ct);

        var topThree = map.Rows.OrderByDescending(r => r.Amount).Take(3).Select(r => r.Theme).Order(StringComparer.Ordinal);
        Assert.Equal(["children-young-people", "health-social-care", "welfare-benefits"], topThree);
        Assert.DoesNotContain(map.Rows, r => r.Theme == "unclassified");
        Assert.InRange(map.PerHead!.Value, 7_000m, 8_000m);
    }

    [Fact]
    public async Task BuildAsync_Transactions_AreMostlyClassifiedByTheDefaultRules()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await DemoPlace.BuildAsync(store, new DemoOptions(TransactionLinesPerYear: 5_000, Years: 1), cancellationToken: Ct);

        var map = await store.Spend.MapAsync(new MapQuery(DemoPlace.Code, [MapDimension.Theme], Source: MapSource.Transactions), Ct);

        var unclassified = map.Rows.SingleOrDefault(r => r.Theme == "unclassified")?.Lines ?? 0;
        Assert.True(unclassified < map.Lines / 50, $"{unclassified} of {map.Lines} demo lines are unclassified");
        var suppliers = await store.Spend.TopSuppliersAsync(new MapQuery(DemoPlace.Code, []), 10, Ct);
        Assert.Equal(10, suppliers.Count);
        Assert.Contains(suppliers, s => s.Agencies > 1);
    }

    [Fact]
    public async Task BuildAsync_Twice_AddsNothingTheSecondTime()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var options = new DemoOptions(TransactionLinesPerYear: 1_000, Years: 2);
        var first = await DemoPlace.BuildAsync(store, options, cancellationToken: Ct);
        var before = await store.Spend.MapAsync(new MapQuery(DemoPlace.Code, [MapDimension.Agency]), Ct);

        var second = await DemoPlace.BuildAsync(store, options, cancellationToken: Ct);

        Assert.Equal(0, second.Batches);
        Assert.Equal(first.TransactionTotal, second.TransactionTotal);
        Assert.Equal(before.Rows, (await store.Spend.MapAsync(new MapQuery(DemoPlace.Code, [MapDimension.Agency]), Ct)).Rows);
    }

    [Fact]
    public void Statements_SameOptions_AreTheSameEveryTime()
    {
        var options = new DemoOptions(Seed: 7);

        Assert.Equal(DemoPlace.Statements(options), DemoPlace.Statements(options));
        Assert.All(DemoPlace.Statements(options), s => Assert.Equal(0m, s.Amount % 1000m));
    }
}
