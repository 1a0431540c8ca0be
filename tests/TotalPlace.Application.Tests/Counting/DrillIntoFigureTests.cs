using TotalPlace.Application.Counting;
using TotalPlace.Storage.Identity;
using TotalPlace.Testing;
using static TotalPlace.Application.Tests.Counting.CountingSeed;

namespace TotalPlace.Application.Tests.Counting;

/// <summary>Drill-down, the supplier breakdown of a figure and the agencies a reader may filter by, as use cases on a
/// real DuckDB file: what is listed adds up to the figure clicked, and nothing unpublished reaches a reader who may not
/// see it.</summary>
public sealed class DrillIntoFigureTests(DuckDbFileFixture fixture) : IClassFixture<DuckDbFileFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_PublicReader_ListsOnlyPublishedLines()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store, Ct);

        var page = await new DrillIntoFigure(store).ListAsync(new TransactionsRequest(Devon, Visibility.PublishedOnly, Sort: "AMOUNT", PageSize: 100), Ct);

        Assert.Equal(CouncilLines.Length + TrustLines.Length, page.TotalCount);
        Assert.Equal(CouncilLines.Concat(TrustLines).Select(l => l.Amount).OrderDescending(), page.Items.Select(t => t.Amount));
        Assert.DoesNotContain(page.Items, t => t.Agency == Police);
    }

    [Fact]
    public async Task List_UnknownPlaceOrSort_IsRefused()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store, Ct);
        var use = new DrillIntoFigure(store);

        var noPlace = await Assert.ThrowsAsync<MapRequestRefusedException>(() => use.ListAsync(new TransactionsRequest("E06000099", Visibility.All), Ct));
        var badSort = await Assert.ThrowsAsync<MapRequestRefusedException>(() => use.ListAsync(new TransactionsRequest(Devon, Visibility.All, Sort: "colour"), Ct));
        var badPage = await Assert.ThrowsAsync<MapRequestRefusedException>(() => use.ListAsync(new TransactionsRequest(Devon, Visibility.All, PageSize: 10_001), Ct));

        Assert.Equal(MapRefusal.NotFound, noPlace.Reason);
        Assert.Equal(MapRefusal.Invalid, badSort.Reason);
        Assert.Contains("colour", badSort.Message, StringComparison.Ordinal);
        Assert.Equal(MapRefusal.Invalid, badPage.Reason);
    }

    [Fact]
    public async Task Export_MoreLinesThanTheLimit_StopsAtTheLimitAndSaysHowManyMatch()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store, Ct);

        var export = await new DrillIntoFigure(store).ExportAsync(new TransactionsRequest(Devon, Visibility.All, Sort: "date", Descending: false), 3, Ct);

        var all = CouncilLines.Concat(PoliceLines).Concat(TrustLines).ToList();
        Assert.Equal(all.Count, export.TotalCount);
        Assert.Equal(all.Select(l => l.Date).Order().Take(3), export.Items.Select(t => t.Date));
    }

    [Fact]
    public async Task Explain_AgencyYearWithStatements_ListsItsStatementsAndOnlyTheLinesCounted()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store, Ct);
        var use = new DrillIntoFigure(store);

        var counted = await use.ExplainAsync(new FigureRequest(Devon, Visibility.All, Y2024, Agency: Trust), Ct);
        var listed = await use.ListAsync(new TransactionsRequest(Devon, Visibility.All, Trust, Year: Y2024, CountedOnly: counted.CountedOnly), Ct);
        var every = await use.ExplainAsync(new FigureRequest(Devon, Visibility.All, Y2024, Agency: Trust, AllLines: true), Ct);
        var everyListed = await use.ListAsync(new TransactionsRequest(Devon, Visibility.All, Trust, Year: Y2024, CountedOnly: every.CountedOnly), Ct);

        Assert.True(counted.HasStatements);
        Assert.Equal(TrustOutturn, counted.Total);
        Assert.Equal(TrustOutturn, counted.FromStatements);
        Assert.Equal(TrustOutturn, counted.Statements.Sum(s => s.Amount));
        Assert.Equal(0m, counted.FromLines);
        Assert.True(counted.CountedOnly);
        Assert.Equal(0, listed.TotalCount);
        Assert.Equal(counted.LinesTotal, listed.Items.Sum(t => t.Amount));
        Assert.False(every.CountedOnly);
        Assert.Equal(In(Y2024, TrustLines), every.LinesTotal);
        Assert.Equal(every.LinesTotal, everyListed.Items.Sum(t => t.Amount));
    }

    [Fact]
    public async Task Explain_AgencyYearWithoutStatements_ListsEveryLineOfTheFigure()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store, Ct);

        var figure = await new DrillIntoFigure(store).ExplainAsync(new FigureRequest(Devon, Visibility.PublishedOnly, Y2024, Agency: Council), Ct);

        Assert.False(figure.HasStatements);
        Assert.False(figure.CountedOnly);
        Assert.Empty(figure.Statements);
        Assert.Equal(In(Y2024, CouncilLines), figure.Total);
        Assert.Equal(figure.Total, figure.LinesTotal);
        Assert.Equal(CountIn(Y2024, CouncilLines), figure.Lines);
    }

    [Fact]
    public async Task Explain_PublicReaderOnAnUnpublishedAgency_ShowsNothingOfIt()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store, Ct);

        var figure = await new DrillIntoFigure(store).ExplainAsync(new FigureRequest(Devon, Visibility.PublishedOnly, Y2024, Agency: Police), Ct);

        Assert.Equal(0m, figure.Total);
        Assert.Equal(0, figure.Lines);
    }

    [Fact]
    public async Task VisibleAgencies_EachReader_SeesAgenciesWithVisibleBatchesAndItsOwn()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store, Ct);
        var use = new DrillIntoFigure(store);

        var everyone = (await use.VisibleAgenciesAsync(Devon, Visibility.PublishedOnly, Ct)).Select(a => a.Name);
        var police = (await use.VisibleAgenciesAsync(Devon, Visibility.PublishedOrAgency(Devon, Police), Ct)).Select(a => a.Name);

        Assert.Equal(new[] { Council, Trust }.Order(StringComparer.Ordinal), everyone.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { Council, Police, Trust }.Order(StringComparer.Ordinal), police.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TopSuppliers_AFigure_NamedSuppliersAndTheRestAddUpToIt()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store, Ct);
        var figure = In(Y2024, CouncilLines) + In(Y2024, PoliceLines) + TrustOutturn;
        var paid = CouncilLines.Concat(PoliceLines).Concat(TrustLines).Where(l => Y2024.Contains(l.Date))
            .GroupBy(l => l.Supplier).Select(g => g.Sum(l => l.Amount)).Where(a => a > 0).Sum();

        var breakdown = await new TopSuppliers(store).ExecuteAsync(new TopSuppliersRequest(Devon, Visibility.All, Y2024, Count: 15), Ct);

        Assert.Equal(figure, breakdown.Total);
        Assert.DoesNotContain(breakdown.Paid, s => s.Supplier == "REFUND LTD"); // a credit is no box
        Assert.Equal(paid, breakdown.Paid.Sum(s => s.Amount));
        Assert.Equal(figure - paid, breakdown.Rest);
        Assert.Equal(breakdown.Total, breakdown.Paid.Sum(s => s.Amount) + breakdown.Rest);
    }

    [Fact]
    public async Task TopSuppliers_PublicReader_NamesNoSupplierOfAnUnpublishedBatch()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store, Ct);

        var breakdown = await new TopSuppliers(store).ExecuteAsync(new TopSuppliersRequest(Devon, Visibility.PublishedOnly, Y2024, Agency: Police), Ct);

        Assert.Empty(breakdown.Suppliers);
        Assert.Equal(0m, breakdown.Total);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_001)]
    public async Task TopSuppliers_CountOutOfRange_IsRefused(int count)
    {
        await using var store = await fixture.CreateStoreAsync(Ct);

        var refused = await Assert.ThrowsAsync<MapRequestRefusedException>(() =>
            new TopSuppliers(store).ExecuteAsync(new TopSuppliersRequest(Devon, Visibility.All, Count: count), Ct));

        Assert.Equal(MapRefusal.Invalid, refused.Reason);
    }
}
