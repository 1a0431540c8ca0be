using TotalPlace.Core.Assets;
using TotalPlace.Core.Waste;

namespace TotalPlace.Storage.Waste;

/// <summary>One waste run: read the place's lines, resolve suppliers (with reviewers' merges and splits), run every
/// analysis, save the findings and return them ranked with reviewers' decisions applied. The CLI's <c>waste</c> verb
/// and the web's waste page both run it, so they always give the same findings.</summary>
public static class WasteRun
{
    /// <summary>The phase that reads the place's lines (its progress counts them).</summary>
    public const string ReadingPhase = "Reading lines";

    // Each phase's share of a run, from the 1,000,000-line benchmark (docs/performance/waste.md): reading about 30%,
    // resolving 10%, shared suppliers 20%, duplicates 25%, overlap and co-location 15%; saving is quick.
    private const double ReadShare = 0.30;
    private const int ReportEvery = 10_000;

    /// <param name="progress">Reports each phase and, while reading, the lines read so far, when given.</param>
    public static async Task<IReadOnlyList<WasteFinding>> RunAsync(IWasteStore store, string placeCode, DateTimeOffset now, IProgress<WasteRunProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        var total = progress is null ? 0 : await store.CountTransactionsAsync(placeCode, cancellationToken);
        progress?.Report(new WasteRunProgress(ReadingPhase, 0, 0, total));
        var lines = new List<PartnerTransaction>();
        await foreach (var line in store.ReadTransactionsAsync(placeCode, cancellationToken))
        {
            lines.Add(line);
            if (progress is not null && lines.Count % ReportEvery == 0)
            {
                progress.Report(new WasteRunProgress(ReadingPhase, ReadShare * Math.Min(1, lines.Count / (double)Math.Max(1, total)), lines.Count, Math.Max(total, lines.Count)));
            }
        }

        total = lines.Count;
        void Phase(string phase, double fraction) => progress?.Report(new WasteRunProgress(phase, fraction, total, total));
        Phase("Resolving suppliers", ReadShare);
        var resolution = SupplierResolver.Resolve(lines, await store.ListSupplierDecisionsAsync(placeCode, cancellationToken));
        Phase("Finding suppliers shared by partners", 0.40);
        var findings = new List<WasteFinding>();
        findings.AddRange(WasteFindings.FromSharedSuppliers(SharedSupplierAnalysis.Find(lines, resolution)));
        Phase("Finding duplicate payments", 0.60);
        findings.AddRange(WasteFindings.FromDuplicates(DuplicatePaymentDetector.Detect(lines, resolution)));
        Phase("Finding services bought twice and buildings to share", 0.85);
        findings.AddRange(WasteFindings.FromOverlaps(ServiceOverlapAnalysis.Find(lines, resolution)));
        var assets = await store.ListAssetsAsync(placeCode, cancellationToken);
        findings.AddRange(WasteFindings.FromCoLocations(CoLocationFinder.Find(assets), AssetSpendLinker.Link(assets, lines)));
        Phase("Saving the findings", 0.97);
        await store.SaveFindingsAsync(placeCode, findings, now, cancellationToken);
        Phase("Done", 1);
        return await store.ListFindingsAsync(placeCode, cancellationToken);
    }
}
