using System.Text;
using TotalPlace.Application.Spend;
using TotalPlace.Application.Waste;
using TotalPlace.Core.Waste;
using TotalPlace.Import;
using TotalPlace.Storage;
using TotalPlace.Storage.Audit;
using TotalPlace.Storage.Identity;
using TotalPlace.Testing;

namespace TotalPlace.Application.Tests.Waste;

/// <summary>The waste run as a use case on a real DuckDB file: who may run it, on which place, what it reads, and
/// that reviewers' decisions and supplier merges survive the next run.</summary>
public sealed class RunWasteAnalysisTests(DuckDbFileFixture fixture) : IClassFixture<DuckDbFileFixture>
{
    private const string Place = "E10000008";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Execute_UnknownPlace_IsRefusedAndCreatesNoPlace()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);

        var refused = await Assert.ThrowsAsync<WasteRequestRefusedException>(() =>
            new RunWasteAnalysis(store, TimeProvider.System).ExecuteAsync(new RunWasteAnalysisRequest("E06000099", Visibility.All), null, Ct));

        Assert.Equal(WasteRefusal.NotFound, refused.Reason);
        Assert.Contains("E06000099", refused.Message, StringComparison.Ordinal);
        Assert.Null(await store.Places.FindPlaceAsync("E06000099", Ct));
    }

    [Fact]
    public async Task Execute_ReaderWhoDoesNotSeeThePlaceWhole_IsRefusedBeforeAnythingIsSaved()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await ImportTwoPartnersAsync(store);

        foreach (var viewer in new[] { Visibility.PublishedOnly, Visibility.PublishedOrAgency(Place, "Police") })
        {
            var refused = await Assert.ThrowsAsync<WasteRequestRefusedException>(() =>
                new RunWasteAnalysis(store, TimeProvider.System).ExecuteAsync(new RunWasteAnalysisRequest(Place, viewer), null, Ct));
            Assert.Equal(WasteRefusal.NotPlaceWide, refused.Reason);
        }

        Assert.Empty(await store.Waste.ListFindingsAsync(Place, Ct));
    }

    [Fact]
    public async Task Execute_TwoPartnersPayingOneSupplier_ReadsEveryLineSavesTheFindingsAndAuditsTheRunner()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await ImportTwoPartnersAsync(store);
        var progress = new List<WasteRunProgress>();

        var result = await new RunWasteAnalysis(store, TimeProvider.System).ExecuteAsync(
            new RunWasteAnalysisRequest(Place.ToLowerInvariant(), Visibility.All, RunBy: "carol"), new Recorder(progress), Ct);

        Assert.Equal(Place, result.PlaceCode);
        Assert.Equal(4, result.LinesRead); // two lines in each partner's file
        Assert.Contains(result.Findings, f => f.Kind == FindingKind.SharedSupplier);
        Assert.Equal((await store.Waste.ListFindingsAsync(Place, Ct)).Select(f => f.Key), result.Findings.Select(f => f.Key));
        Assert.Equal(RunWasteAnalysis.ReadingPhase, progress[0].Phase);
        Assert.Equal(4, progress[0].LinesTotal);
        Assert.Equal("Done", progress[^1].Phase);
        var audit = await store.Audit.QueryAuditAsync(new AuditQuery(Action: AuditActions.WasteAnalysed), Ct);
        Assert.Equal("carol", Assert.Single(audit.Items).Actor);
    }

    [Fact]
    public async Task Review_ThenRunAgain_TheDecisionIsKeptAndNamesTheReviewer()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await ImportTwoPartnersAsync(store);
        var run = new RunWasteAnalysis(store, TimeProvider.System);
        var first = await run.ExecuteAsync(new RunWasteAnalysisRequest(Place, Visibility.All), null, Ct);
        var finding = first.Findings[0];

        var reviewed = await new ReviewWasteFinding(store, TimeProvider.System).ExecuteAsync(
            new ReviewWasteFindingRequest(Place, finding.Key, ReviewState.FalsePositive, "  one framework contract  ", "dana"), Ct);
        var again = await run.ExecuteAsync(new RunWasteAnalysisRequest(Place, Visibility.All), null, Ct);

        Assert.Equal("dana", reviewed.Decision.DecidedBy);
        Assert.Equal("one framework contract", reviewed.Decision.Note);
        Assert.Equal(ReviewState.FalsePositive, again.Findings.Single(f => f.Key == finding.Key).State);
        Assert.Equal(first.FalsePositives + 1, again.FalsePositives);
    }

    [Fact]
    public async Task Review_UnknownFinding_IsRefusedAndRecordsNothing()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await ImportTwoPartnersAsync(store);

        var refused = await Assert.ThrowsAsync<WasteRequestRefusedException>(() =>
            new ReviewWasteFinding(store, TimeProvider.System).ExecuteAsync(new ReviewWasteFindingRequest(Place, "no-such-key", ReviewState.Confirmed), Ct));

        Assert.Equal(WasteRefusal.NotFound, refused.Reason);
        Assert.Empty(await store.Waste.ListDecisionsAsync(Place, Ct));
    }

    [Fact]
    public async Task SupplierSplit_TheTwoNamesAreNoLongerOneSharedSupplier()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await ImportTwoPartnersAsync(store, policeSupplier: "Acme Limited");
        var run = new RunWasteAnalysis(store, TimeProvider.System);
        var before = await run.ExecuteAsync(new RunWasteAnalysisRequest(Place, Visibility.All), null, Ct);
        Assert.Contains(before.Findings, f => f.Kind == FindingKind.SharedSupplier);

        var decision = await new RecordSupplierDecision(store, TimeProvider.System).ExecuteAsync(
            new RecordSupplierDecisionRequest(Place, SupplierDecisionKind.Split, " Acme Ltd ", "Acme Limited"), Ct);
        var after = await run.ExecuteAsync(new RunWasteAnalysisRequest(Place, Visibility.All), null, Ct);

        Assert.Equal("Acme Ltd", decision.NameA);
        Assert.DoesNotContain(after.Findings, f => f.Kind == FindingKind.SharedSupplier);
    }

    private static async Task ImportTwoPartnersAsync(IPlaceStore store, string policeSupplier = "Acme Ltd")
    {
        var importer = new ImportSpendFile(store, TimeProvider.System);
        // Different payments for each partner (the same bytes for a second agency would be refused as one file).
        foreach (var (agency, supplier, amount) in new[] { ("Police", policeSupplier, 12000.00m), ("Fire", "Acme Ltd", 9500.00m) })
        {
            var bytes = Encoding.UTF8.GetBytes(FormattableString.Invariant($"Date,Supplier,Amount\r\n03/05/2024,{supplier},{amount:0.00}\r\n04/06/2024,{supplier},{amount - 4000m:0.00}\r\n"));
            var outcome = await importer.CommitAsync(
                new ImportSpendFileRequest(Place, agency, null, SpendFileSource.FromBytes($"{agency}-2024.csv", bytes), SpendReadOptions.Default, "test"),
                cancellationToken: Ct);
            Assert.Equal(ImportStatus.Imported, outcome.Status);
        }
    }

    private sealed class Recorder(List<WasteRunProgress> reports) : IProgress<WasteRunProgress>
    {
        public void Report(WasteRunProgress value) => reports.Add(value);
    }
}
