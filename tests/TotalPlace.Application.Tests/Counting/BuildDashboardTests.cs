using TotalPlace.Application.Counting;
using TotalPlace.Storage.Identity;
using TotalPlace.Testing;
using static TotalPlace.Application.Tests.Counting.CountingSeed;

namespace TotalPlace.Application.Tests.Counting;

/// <summary>The dashboard and the comparison as use cases on a real DuckDB file: the year shown by default, per head,
/// the trend, where the money came from, and what each reader may see.</summary>
public sealed class BuildDashboardTests(DuckDbFileFixture fixture) : IClassFixture<DuckDbFileFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Execute_NoYear_ShowsTheLatestYearTheReaderSeesMoneyIn()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store, Ct);
        var use = new BuildDashboard(store);

        // Only the unpublished police batch has a line in 2025-26: a reader who cannot see it is shown 2024-25.
        var everything = await use.ExecuteAsync(new DashboardRequest(Devon, Visibility.All), Ct);
        var published = await use.ExecuteAsync(new DashboardRequest(Devon.ToLowerInvariant(), Visibility.PublishedOnly), Ct);

        Assert.Equal(Y2025, everything.Year);
        Assert.Equal([Y2023, Y2024, Y2025], everything.Years);
        Assert.Equal(In(Y2025, PoliceLines), everything.Total);
        Assert.Equal(Y2024, published.Year);
        Assert.Equal([Y2023, Y2024], published.Years);
        Assert.Equal(In(Y2024, CouncilLines) + TrustOutturn, published.Total);
        Assert.DoesNotContain(published.TopSuppliers, s => s.Supplier == "BLUE LTD");
    }

    [Fact]
    public async Task Execute_AYear_SplitsStatementsFromLinesAndGivesPerHeadOnThatYearsPopulation()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store, Ct);
        var place = await store.Places.FindPlaceAsync(Devon, Ct);
        var linesCounted = In(Y2024, CouncilLines) + In(Y2024, PoliceLines); // the trust's line is replaced by its statements

        var figures = await new BuildDashboard(store).ExecuteAsync(new DashboardRequest(Devon, Visibility.All, Y2024), Ct);

        Assert.Equal(Y2024, figures.Year);
        Assert.Equal(TrustOutturn, figures.FromStatements);
        Assert.Equal(linesCounted, figures.FromLines);
        Assert.Equal(linesCounted + TrustOutturn, figures.Total);
        Assert.Equal(figures.Total, figures.Detail.Rows.Sum(r => r.Amount));
        Assert.Equal(place!.PopulationFor(Y2024), figures.Population);
        Assert.Equal(figures.Total / place.PopulationFor(Y2024)!.Value, figures.PerHead);
        // Suppliers are named from the year's lines, including those of an agency-year counted from statements.
        var bySupplier = CouncilLines.Concat(PoliceLines).Concat(TrustLines).Where(l => Y2024.Contains(l.Date))
            .GroupBy(l => l.Supplier).Select(g => (Supplier: g.Key, Amount: g.Sum(l => l.Amount))).OrderByDescending(g => g.Amount).ToList();
        Assert.Equal(bySupplier, figures.TopSuppliers.Select(s => (s.Supplier, s.Amount)));
    }

    [Fact]
    public async Task Execute_Trend_EachYearOnItsOwnPopulationWithTheChangeOnTheYearBefore()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store, Ct);
        var place = await store.Places.FindPlaceAsync(Devon, Ct);
        decimal[] expected =
        [
            In(Y2023, CouncilLines),
            In(Y2024, CouncilLines) + In(Y2024, PoliceLines) + TrustOutturn,
            In(Y2025, PoliceLines),
        ];

        var trend = (await new BuildDashboard(store).ExecuteAsync(new DashboardRequest(Devon, Visibility.All), Ct)).Trend;

        Assert.Equal([Y2023, Y2024, Y2025], trend.Select(t => t.Year));
        Assert.Equal(expected, trend.Select(t => t.Amount));
        Assert.Equal([null, expected[1] - expected[0], expected[2] - expected[1]], trend.Select(t => t.Change));
        foreach (var point in trend)
        {
            Assert.Equal(place!.PopulationFor(point.Year), point.Population);
            Assert.Equal(point.Amount / point.Population!.Value, point.PerHead);
        }
    }

    [Fact]
    public async Task Execute_UnknownPlace_IsRefused()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);

        var refused = await Assert.ThrowsAsync<MapRequestRefusedException>(() =>
            new BuildDashboard(store).ExecuteAsync(new DashboardRequest(Devon, Visibility.All), Ct));

        Assert.Equal(MapRefusal.NotFound, refused.Reason);
    }

    [Fact]
    public async Task Compare_NoYear_EveryPlaceOnTheLatestYearAnyPlaceHasMoneyIn()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store, Ct);
        await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, "Manchester City Council", "manchester"),
            [new TransactionBuilder().Paying(250m).On(new DateOnly(2023, 9, 1)).Build()], Ct);
        var manchester = await store.Places.FindPlaceAsync(Manchester, Ct);

        var comparison = await new ComparePlaces(store).ExecuteAsync(new ComparePlacesRequest(Visibility.All), Ct);

        // Devon's latest year is 2025-26; Manchester has money only in 2023-24, so shows none rather than another year's.
        Assert.Equal(Y2025, comparison.Year);
        var devon = Assert.Single(comparison.Places, p => p.Place.Code == Devon);
        var other = Assert.Single(comparison.Places, p => p.Place.Code == Manchester);
        Assert.Equal(In(Y2025, PoliceLines), devon.ByTheme.Total);
        Assert.Equal(0m, other.ByTheme.Total);
        Assert.Equal(manchester!.PopulationFor(Y2025), other.Population);
        Assert.Equal(devon.ByTheme.Total / devon.Population!.Value, devon.PerHead);
    }

    [Fact]
    public async Task Compare_PublicReader_DoesNotChooseAYearOnlyUnpublishedLinesHave()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store, Ct);

        var comparison = await new ComparePlaces(store).ExecuteAsync(new ComparePlacesRequest(Visibility.PublishedOnly), Ct);

        Assert.Equal(Y2024, comparison.Year);
        Assert.Equal(In(Y2024, CouncilLines) + TrustOutturn, Assert.Single(comparison.Places).ByTheme.Total);
    }
}
