using TotalPlace.Core;
using TotalPlace.Core.Counting;
using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;
using TotalPlace.Storage.Counting;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Counting;

/// <summary>The counting store's behaviour on every engine: one abstract suite, one subclass per engine.</summary>
public abstract class CountStoreContract<TFixture>(TFixture fixture)
    where TFixture : class, IPlaceStoreFixture
{
    protected TFixture Fixture { get; } = fixture;

    private const string Place = "E07000120";
    private static readonly FiscalYear Year = FiscalYear.Parse("2023-24");
    private static readonly DateTimeOffset s_now = new(2026, 12, 2, 14, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<string> NewStoreAsync();

    private static Transaction Line(string supplier, decimal amount, DateOnly date, int row) =>
        new TransactionBuilder().To(supplier).Paying(amount).On(date).AtRow(row).Build();

    private static readonly StoredPartner Council = new("council", "Hyndburn Borough Council", AgencyKind.LocalAuthority, "E07000120", "GSS", PartnerShare.Whole, [], "spend over £250", []);
    private static readonly StoredPartner County = new("county", "Lancashire County Council", AgencyKind.LocalAuthority, "E10000017", "GSS",
        PartnerShare.FromFraction(82_200m, 1_235_300m, "population"), ["LCC"], null, ["transactions"]);

    private static PackageCommit Package(params Transaction[] aprilLines) => new(
        Place, "Hyndburn", 82_200, "census", Year, "test-package", "totalplace-place-package/1", "p1", ["gap"],
        [Council, County],
        [
            new PackageTransactionFile("council", "council/april.csv", "2023-04", Headers.For(Place, Council.Name, "april"),
                aprilLines.Length > 0 ? aprilLines : [Line("Lancashire County Council", 1_000.10m, 3.April(2023), 2), Line("ACME LTD", 250.01m, 20.April(2023), 3)], ["2 lines"]),
            new PackageTransactionFile("council", "council/may.csv", "2023-05", Headers.For(Place, Council.Name, "may"),
                [Line("ACME LTD", 99.99m, 4.May(2023), 2), Line("ACME LTD", -9.99m, 30.March(2023), 3)], ["2 lines"]),
        ],
        [
            new PackageStatementFile("mhclg/RSX.csv", Headers.For(Place, "", "rsx"), [("council", "outturn", "2023-24", "E07000120"), ("county", "outturn", "2023-24", "E10000017")],
            [
                new OfficialStatement("E07000120", "Hyndburn BC", "RSX", "RSX-totsx-tot-exp", "Total", "", StatementMeasure.Gross, StatementKind.Outturn, Year, 28_718_000m, true, 182, "C3"),
                new OfficialStatement("E10000017", "Lancashire CC", "RSX", "RSX-totsx-tot-exp", "Total", "", StatementMeasure.Gross, StatementKind.Outturn, Year, 2_791_962_000m, true, 198, "C3"),
            ]),
        ],
        [],
        "test",
        s_now);

    [Fact]
    public async Task CommitPackageAsync_StoresPartnersSharesStatementsAndLines()
    {
        await using var store = await PlaceStore.OpenAsync(await NewStoreAsync(), Ct);
        var counts = store.Counting;

        var result = await counts.CommitPackageAsync(Package(), Ct);

        Assert.Equal(3, result.BatchesAdded);
        var partners = await counts.ListPartnersAsync(Place, Year, Ct);
        Assert.Equal(["council", "county"], partners.Select(p => p.Key));
        Assert.Equal(82_200m / 1_235_300m, partners[1].Share.Value); // the exact fraction, not a rounded copy
        Assert.Equal("population", partners[1].Share.Basis);
        Assert.Equal(["LCC"], partners[1].Aliases);
        var statements = await counts.ListOfficialStatementsAsync(Place, Year, Ct);
        Assert.Equal([28_718_000m, 2_791_962_000m], statements.Select(s => s.Amount));
        var lines = Assert.Single(await counts.SummariseLinesAsync(Place, Year, Ct));
        Assert.Equal(1_000.10m + 250.01m + 99.99m - 9.99m, lines.Total);
        Assert.Equal(4, lines.Lines);
        Assert.Equal([1.April(2023), 1.May(2023)], lines.Months);
        Assert.Equal((1, -9.99m), (lines.OutOfYearLines, lines.OutOfYearTotal));
        var payments = await counts.ListSupplierPaymentsAsync(Place, Year, Ct);
        Assert.Equal(1_000.10m, payments.Single(p => p.Supplier == "Lancashire County Council").Amount);
        Assert.Equal(82_200, (await counts.FindPackageAsync(Place, Year, Ct))!.Population);
        Assert.Equal(4, (await counts.ListPackageFilesAsync(Place, Year, Ct)).Count);
    }

    [Fact]
    public async Task CommitPackageAsync_Again_AddsNothing()
    {
        await using var store = await PlaceStore.OpenAsync(await NewStoreAsync(), Ct);
        var counts = store.Counting;
        await counts.CommitPackageAsync(Package(), Ct);
        var batches = (await store.Spend.ListBatchesAsync(Place, Ct)).Count;

        var again = await counts.CommitPackageAsync(Package(), Ct);

        Assert.True(again.AddedNothing);
        Assert.Equal(3, again.BatchesAlreadyLoaded);
        Assert.Equal(batches, (await store.Spend.ListBatchesAsync(Place, Ct)).Count);
        Assert.Equal(4, Assert.Single(await counts.SummariseLinesAsync(Place, Year, Ct)).Lines);
        Assert.Equal(2, (await counts.ListOfficialStatementsAsync(Place, Year, Ct)).Count);
    }

    [Fact]
    public async Task CommitPackageAsync_ANilReturnByteIdenticalToAnotherBodys_IsStoredForThePartnerToo()
    {
        await using var store = await PlaceStore.OpenAsync(await NewStoreAsync(), Ct);
        const string fire = "Lancashire Fire and Rescue Service";
        await store.Spend.CommitTransactionsAsync(Headers.For(Place, fire, "nil-return"), [], Ct);
        var package = Package() with
        {
            TransactionFiles = [new PackageTransactionFile("council", "council/june.csv", "2023-06", Headers.For(Place, Council.Name, "nil-return"), [], ["nil return"])],
        };

        var result = await store.Counting.CommitPackageAsync(package, Ct);

        // The same rule as a single import: each body's nil return is its own, even when the bytes are the same.
        var record = result.Files.Single(f => f.Path == "council/june.csv");
        var batches = await store.Spend.ListBatchesAsync(Place, Ct);
        Assert.Equal(Council.Name, batches.Single(b => b.Id == record.BatchId).Agency);
        Assert.Equal([Council.Name, fire], batches.Where(b => b.Sha256 == record.Sha256).Select(b => b.Agency).Order(StringComparer.Ordinal));

        var again = await store.Counting.CommitPackageAsync(package, Ct);
        Assert.Equal(record.BatchId, again.Files.Single(f => f.Path == "council/june.csv").BatchId);
        Assert.Equal(batches.Count, (await store.Spend.ListBatchesAsync(Place, Ct)).Count);
    }

    [Fact]
    public async Task CommitPackageAsync_TwoPartnersByteIdenticalNilReturns_EachGetItsOwnBatch()
    {
        await using var store = await PlaceStore.OpenAsync(await NewStoreAsync(), Ct);
        var package = Package() with
        {
            TransactionFiles =
            [
                new PackageTransactionFile("council", "council/june.csv", "2023-06", Headers.For(Place, Council.Name, "nil-june"), [], ["nil return"]),
                new PackageTransactionFile("county", "county/june.csv", "2023-06", Headers.For(Place, County.Name, "nil-june"), [], ["nil return"]),
            ],
        };

        var result = await store.Counting.CommitPackageAsync(package, Ct);

        var batches = await store.Spend.ListBatchesAsync(Place, Ct);
        var council = batches.Single(b => b.Id == result.Files.Single(f => f.Path == "council/june.csv").BatchId);
        var county = batches.Single(b => b.Id == result.Files.Single(f => f.Path == "county/june.csv").BatchId);
        Assert.Equal((Council.Name, County.Name), (council.Agency, county.Agency));
        Assert.NotEqual(council.Id, county.Id);
    }

    [Fact]
    public async Task CommitPackageAsync_LinesByteIdenticalToAnotherBodysBatch_AreRefusedAndNothingIsStored()
    {
        await using var store = await PlaceStore.OpenAsync(await NewStoreAsync(), Ct);
        const string fire = "Lancashire Fire and Rescue Service";
        var lines = new[] { Line("ACME LTD", 420.00m, 3.June(2023), 2) };
        await store.Spend.CommitTransactionsAsync(Headers.For(Place, fire, "shared"), lines, Ct);
        var package = Package() with
        {
            TransactionFiles = [new PackageTransactionFile("council", "council/june.csv", "2023-06", Headers.For(Place, Council.Name, "shared"), lines, ["1 line"])],
        };

        // Recorded under the council, the fire service's £420 would be counted as the council's.
        var refused = await Assert.ThrowsAsync<PlaceStoreException>(() => store.Counting.CommitPackageAsync(package, Ct));

        Assert.Contains("council/june.csv", refused.Message, StringComparison.Ordinal);
        Assert.Contains(fire, refused.Message, StringComparison.Ordinal);
        Assert.Equal([fire], (await store.Spend.ListBatchesAsync(Place, Ct)).Select(b => b.Agency));
        Assert.Empty(await store.Counting.ListPartnersAsync(Place, Year, Ct));
        Assert.Null(await store.Counting.FindPackageAsync(Place, Year, Ct));
    }

    [Fact]
    public async Task CommitPackageAsync_AFileBreakingAStoreRule_LeavesNothingOfThePackage()
    {
        await using var store = await PlaceStore.OpenAsync(await NewStoreAsync(), Ct);
        var counts = store.Counting;

        // Five decimal places: the store refuses to round silently, so the whole package is rolled back.
        await Assert.ThrowsAsync<PlaceStoreException>(() => counts.CommitPackageAsync(Package(Line("ACME LTD", 1.00001m, 3.April(2023), 2)), Ct));

        Assert.Empty(await store.Spend.ListBatchesAsync(Place, Ct));
        Assert.Empty(await counts.ListPartnersAsync(Place, Year, Ct));
        Assert.Empty(await counts.ListOfficialStatementsAsync(Place, Year, Ct));
        Assert.Null(await counts.FindPackageAsync(Place, Year, Ct));
    }

    [Fact]
    public async Task ListMonthsLoadedAsync_NamesEachAgencysMonths()
    {
        await using var store = await PlaceStore.OpenAsync(await NewStoreAsync(), Ct);
        var counts = store.Counting;
        await counts.CommitPackageAsync(Package(), Ct);

        var months = await counts.ListMonthsLoadedAsync(Place, Ct);

        Assert.Equal([1.March(2023), 1.April(2023), 1.May(2023)], months[Council.Name]);
    }
}
