using TotalPlace.Demo;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests;

/// <summary>The same inputs give the same figures, to the penny, on both engines.</summary>
public sealed class EngineParityTests(DuckDbFileFixture duckDb, PostgresClusterFixture postgres) : IClassFixture<DuckDbFileFixture>, IClassFixture<PostgresClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoPlace_OnBothEngines_GivesTheSameMapsBatchesSuppliersAndDrillDown()
    {
        await using var embedded = await duckDb.CreateStoreAsync(Ct);
        await using var server = await postgres.CreateStoreAsync(Ct);
        var options = new DemoOptions(TransactionLinesPerYear: 3_000, Years: 2);
        var clock = new FixedClock(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await DemoPlace.BuildAsync(embedded, options, clock: clock, cancellationToken: Ct);
        await DemoPlace.BuildAsync(server, options, clock: clock, cancellationToken: Ct);

        foreach (var source in Enum.GetValues<MapSource>())
        {
            var query = new MapQuery(DemoPlace.Code, [MapDimension.Theme, MapDimension.Agency, MapDimension.Year, MapDimension.Funding, MapDimension.Source], Source: source);
            var a = await embedded.Spend.MapAsync(query, Ct);
            var b = await server.Spend.MapAsync(query, Ct);
            Assert.Equal(a.Total, b.Total);
            Assert.Equal(a.Rows, b.Rows);
        }

        Assert.Equal(
            (await embedded.Spend.ListBatchesAsync(DemoPlace.Code, Ct)).Select(x => (x.FileName, x.Sha256, x.RowsLoaded, x.Total)).Order(),
            (await server.Spend.ListBatchesAsync(DemoPlace.Code, Ct)).Select(x => (x.FileName, x.Sha256, x.RowsLoaded, x.Total)).Order());
        Assert.Equal(await embedded.Spend.TopSuppliersAsync(new MapQuery(DemoPlace.Code, []), 25, Ct), await server.Spend.TopSuppliersAsync(new MapQuery(DemoPlace.Code, []), 25, Ct));
        var drill = new TransactionQuery(DemoPlace.Code, Theme: "health-social-care", Search: "care", Sort: "amount", PageNumber: 2, PageSize: 20);
        var pageA = await embedded.Spend.QueryTransactionsAsync(drill, Ct);
        var pageB = await server.Spend.QueryTransactionsAsync(drill, Ct);
        Assert.Equal(pageA.TotalCount, pageB.TotalCount);
        Assert.Equal(pageA.Items.Select(r => (r.Amount, r.Supplier, r.SourceRow, r.FileName)), pageB.Items.Select(r => (r.Amount, r.Supplier, r.SourceRow, r.FileName)));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
