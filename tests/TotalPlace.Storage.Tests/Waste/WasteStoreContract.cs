using TotalPlace.Core.Assets;
using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;
using TotalPlace.Core.Waste;
using TotalPlace.Storage.Waste;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Waste;

/// <summary>The waste store's behaviour on every engine: one abstract suite, one subclass per engine.</summary>
public abstract class WasteStoreContract<TFixture>(TFixture fixture)
    where TFixture : class, IPlaceStoreFixture
{
    protected TFixture Fixture { get; } = fixture;

    private const string Place = "E08000003";
    private static readonly DateTimeOffset s_now = new(2026, 11, 24, 21, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Names a new, empty store that <see cref="PlaceStore.OpenAsync(string, CancellationToken)"/> opens (and opens again).</summary>
    protected abstract Task<string> NewStoreAsync();

    private async Task<IPlaceStore> OpenAsync(string target) => await PlaceStore.OpenAsync(target, Ct);

    private static Transaction Line(string supplier, decimal amount, DateOnly date, string invoice, int row) =>
        new TransactionBuilder().To(supplier).Paying(amount).On(date).WithInvoice(invoice)
            .WithReference("T" + row.ToString(System.Globalization.CultureInfo.InvariantCulture)).AtRow(row).Build();

    private static async Task LoadAsync(IPlaceStore store)
    {
        await store.Places.EnsureAgencyAsync(Place, new Agency("Manchester City Council", AgencyKind.LocalAuthority, FundingSource.LocalTaxation), Ct);
        await store.Places.EnsureAgencyAsync(Place, new Agency("Manchester NHS Trust", AgencyKind.Nhs, FundingSource.NhsAllocation), Ct);
        await store.Spend.CommitTransactionsAsync(
            new BatchHeader(Place, "Manchester City Council", "council.csv", "aa01", 3, [], "test", s_now),
            [
                Line("ACME CARE LTD", 9_000m, 3.April(2024), "INV-1", 2),
                Line("ACME CARE LTD", 9_000m, 5.April(2024), "INV-1", 3),
                Line("REDACTED", 700m, 5.April(2024), "X", 4),
            ],
            Ct);
        await store.Spend.CommitTransactionsAsync(
            new BatchHeader(Place, "Manchester NHS Trust", "trust.csv", "bb02", 1, [], "test", s_now),
            [Line("Acme Care Limited", 40_000m, 9.April(2024), "T-77", 2)],
            Ct);
    }

    private static async Task<IReadOnlyList<WasteFinding>> RunAsync(IWasteStore waste)
    {
        var lines = new List<PartnerTransaction>();
        await foreach (var line in waste.ReadTransactionsAsync(Place, Ct))
        {
            lines.Add(line);
        }

        var resolution = SupplierResolver.Resolve(lines, await waste.ListSupplierDecisionsAsync(Place, Ct));
        var findings = WasteFindings.FromDuplicates(DuplicatePaymentDetector.Detect(lines, resolution))
            .Concat(WasteFindings.FromSharedSuppliers(SharedSupplierAnalysis.Find(lines, resolution)))
            .ToList();
        await waste.SaveFindingsAsync(Place, findings, s_now, Ct);
        return await waste.ListFindingsAsync(Place, Ct);
    }

    [Fact]
    public async Task ReadTransactionsAsync_StreamsEveryLineWithItsPartnerAndTheme()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        await LoadAsync(store);

        var lines = new List<PartnerTransaction>();
        await foreach (var line in store.Waste.ReadTransactionsAsync(Place, Ct))
        {
            lines.Add(line);
        }

        Assert.Equal(4, lines.Count);
        Assert.Equal(58_700m, lines.Sum(l => l.Line.Amount));
        Assert.Equal(["Manchester City Council", "Manchester NHS Trust"], lines.Select(l => l.Agency).Distinct().Order());
        Assert.All(lines, l => Assert.False(string.IsNullOrEmpty(l.Theme)));
        Assert.Equal(4, lines.Select(l => l.Id).Distinct().Count());
    }

    [Fact]
    public async Task ReadTransactionsAsync_ContractReferenceStored_ComesBackOnItsLine()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        await store.Spend.CommitTransactionsAsync(
            new BatchHeader(Place, "Manchester City Council", "contracts.csv", "cc03", 2, [], "test", s_now),
            [
                Line("ACME CARE LTD", 9_000m, 3.April(2024), "INV-1", 2) with { ContractReference = "C-101" },
                Line("ACME CARE LTD", 4_000m, 4.April(2024), "INV-2", 3),
            ],
            Ct);

        var lines = new List<PartnerTransaction>();
        await foreach (var line in store.Waste.ReadTransactionsAsync(Place, Ct))
        {
            lines.Add(line);
        }

        Assert.Equal(["C-101", null], lines.OrderBy(l => l.Line.SourceRow).Select(l => l.Line.ContractReference));
    }

    [Fact]
    [Trait("Issue", "13")]
    public async Task ListFindingsAsync_DuplicateCarriesBothLinesFileRowInvoiceAndTransaction()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        await LoadAsync(store);

        var duplicate = (await RunAsync(store.Waste)).Single(f => f.Kind == FindingKind.DuplicatePayment);

        Assert.Equal(
            [
                new FindingLine("Manchester City Council", "council.csv", 2, 3.April(2024), 9_000m, "ACME CARE LTD", "INV-1", "T2"),
                new FindingLine("Manchester City Council", "council.csv", 3, 5.April(2024), 9_000m, "ACME CARE LTD", "INV-1", "T3"),
            ],
            duplicate.Lines);
        Assert.Equal(9_000m, duplicate.MoneyAtStake);
        Assert.NotNull(duplicate.Score);
        Assert.Equal(["Manchester City Council"], duplicate.Partners);
    }

    [Fact]
    [Trait("Issue", "13")]
    public async Task ListFindingsAsync_SharedSupplierShowsTheSavingAndTheSpendItAppliesToApart()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        await LoadAsync(store);

        var shared = (await RunAsync(store.Waste)).Single(f => f.Kind == FindingKind.SharedSupplier);

        Assert.Equal(58_000m, shared.SpendConcerned);
        Assert.Equal(58_000m * SharedSupplierAnalysis.DefaultSavingRate, shared.MoneyAtStake);
        Assert.NotNull(shared.Assumption);
    }

    [Fact]
    [Trait("Issue", "13")]
    public async Task ListFindingsAsync_QueryFiltersSortsAndPagesInTheStore()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var waste = store.Waste;
        await LoadAsync(store);
        var all = await RunAsync(waste);
        var duplicateKey = all.Single(f => f.Kind == FindingKind.DuplicatePayment).Key;

        var firstPage = await waste.ListFindingsAsync(Place, new WasteFindingQuery { PageSize = 1 }, Ct);
        var secondPage = await waste.ListFindingsAsync(Place, new WasteFindingQuery { PageSize = 1, PageNumber = 2 }, Ct);
        var duplicates = await waste.ListFindingsAsync(Place, new WasteFindingQuery { Kind = FindingKind.DuplicatePayment }, Ct);
        var trust = await waste.ListFindingsAsync(Place, new WasteFindingQuery { Partner = "Manchester NHS Trust" }, Ct);
        var large = await waste.ListFindingsAsync(Place, new WasteFindingQuery { MinMoney = 5_000m }, Ct);
        await waste.RecordDecisionAsync(Place, new FindingDecision(duplicateKey, ReviewState.FalsePositive, "analyst", s_now, null), Ct);
        var open = await waste.ListFindingsAsync(Place, WasteFindingQuery.Default, Ct);
        var rejected = await waste.ListFindingsAsync(Place, new WasteFindingQuery { State = ReviewState.FalsePositive }, Ct);

        Assert.Equal(2, firstPage.TotalCount);
        Assert.Equal(all.OrderByDescending(f => f.MoneyAtStake).Select(f => f.Key), firstPage.Items.Concat(secondPage.Items).Select(f => f.Key));
        Assert.Equal([duplicateKey], duplicates.Items.Select(f => f.Key));
        Assert.Equal([FindingKind.SharedSupplier], trust.Items.Select(f => f.Kind));
        Assert.Equal([duplicateKey], large.Items.Select(f => f.Key));
        Assert.DoesNotContain(open.Items, f => f.Key == duplicateKey);
        Assert.Equal(1, open.TotalCount);
        Assert.Equal([duplicateKey], rejected.Items.Select(f => f.Key));
    }

    [Fact]
    public async Task RecordDecisionAsync_RejectedFinding_StaysRejectedOnALaterRunAfterReopening()
    {
        var target = await NewStoreAsync();
        string duplicateKey;
        await using (var store = await OpenAsync(target))
        {
            await LoadAsync(store);
            var first = await RunAsync(store.Waste);
            Assert.Equal(2, first.Count);
            Assert.All(first, f => Assert.Equal(ReviewState.Open, f.State));
            duplicateKey = first.Single(f => f.Kind == FindingKind.DuplicatePayment).Key;
            await store.Waste.RecordDecisionAsync(Place, new FindingDecision(duplicateKey, ReviewState.FalsePositive, "analyst", s_now, "two visits, two invoices"), Ct);
        }

        await using var reopened = await OpenAsync(target);
        var later = await RunAsync(reopened.Waste);

        var rejected = later[^1];
        Assert.Equal(duplicateKey, rejected.Key);
        Assert.Equal(ReviewState.FalsePositive, rejected.State);
        Assert.Equal("two visits, two invoices", rejected.Note);
        Assert.Equal(ReviewState.Open, later[0].State);
    }

    [Fact]
    public async Task AddSupplierDecisionAsync_SplitPersists_AndLaterRunsRespectIt()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var waste = store.Waste;
        await LoadAsync(store);
        Assert.Contains(await RunAsync(waste), f => f.Kind == FindingKind.SharedSupplier);

        await waste.AddSupplierDecisionAsync(Place, new SupplierDecision(SupplierDecisionKind.Split, "ACME CARE LTD", "Acme Care Limited", "different companies"), "analyst", s_now, Ct);
        var later = await RunAsync(waste);

        Assert.DoesNotContain(later, f => f.Kind == FindingKind.SharedSupplier);
        Assert.Equal(SupplierDecisionKind.Split, Assert.Single(await waste.ListSupplierDecisionsAsync(Place, Ct)).Kind);
    }

    [Fact]
    public async Task ReplaceAssetsAsync_ReplacesOnlyThatPartnersRegister()
    {
        await using var opened = await Fixture.CreateStoreAsync(Ct);
        var store = opened.Waste;
        Asset A(string agency, string name) => new() { Agency = agency, Name = name, Easting = 383_000, Northing = 398_000, FloorArea = 1_200.5m, RunningCost = 95_000m, Utilisation = 0.45m, Tenure = "Freehold", SourceRow = 2 };

        await store.ReplaceAssetsAsync(Place, "Council", [A("Council", "Town Hall"), A("Council", "Library")], Ct);
        await store.ReplaceAssetsAsync(Place, "NHS Trust", [A("NHS Trust", "Clinic")], Ct);
        await store.ReplaceAssetsAsync(Place, "Council", [A("Council", "Town Hall")], Ct);

        var assets = await store.ListAssetsAsync(Place, Ct);
        Assert.Equal(["Clinic", "Town Hall"], assets.Select(a => a.Name).Order());
        Assert.Equal(A("Council", "Town Hall"), assets.Single(a => a.Name == "Town Hall"));
    }

    [Fact]
    public async Task ReplaceAssetsAsync_ManyAssetsWithEmptyFields_RoundTripInOrder()
    {
        await using var opened = await Fixture.CreateStoreAsync(Ct);
        var store = opened.Waste;
        var assets = Enumerable.Range(1, 1_234)
            .Select(i => new Asset
            {
                Agency = "Council",
                Name = $"Depot {i}",
                Uprn = i % 3 == 0 ? null : $"1000{i}",
                Latitude = i % 2 == 0 ? null : 53.4 + (i / 10_000.0),
                Longitude = i % 2 == 0 ? null : -2.2,
                RunningCost = i % 5 == 0 ? null : 1_000.25m * i,
                Utilisation = i % 7 == 0 ? null : 0.5m,
                SourceRow = i + 1,
            })
            .ToList();

        Assert.Equal(assets.Count, await store.ReplaceAssetsAsync(Place, "Council", assets, Ct));

        Assert.Equal(assets, await store.ListAssetsAsync(Place, Ct));
    }
}
