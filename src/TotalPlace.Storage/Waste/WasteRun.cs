using TotalPlace.Core.Assets;
using TotalPlace.Core.Waste;

namespace TotalPlace.Storage.Waste;

/// <summary>One waste run: read the place's lines, resolve suppliers (with reviewers' merges and splits), run every
/// analysis, save the findings and return them ranked with reviewers' decisions applied. The CLI's <c>waste</c> verb
/// and the web's waste page both run it, so they always give the same findings.</summary>
public static class WasteRun
{
    /// <param name="progress">Reports steps 1 to 4 (read, resolved, duplicates found, saved), when given.</param>
    public static async Task<IReadOnlyList<WasteFinding>> RunAsync(IWasteStore store, string placeCode, DateTimeOffset now, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        var lines = new List<PartnerTransaction>();
        await foreach (var line in store.ReadTransactionsAsync(placeCode, cancellationToken))
        {
            lines.Add(line);
        }

        progress?.Report(1);
        var resolution = SupplierResolver.Resolve(lines, await store.ListSupplierDecisionsAsync(placeCode, cancellationToken));
        progress?.Report(2);
        var findings = new List<WasteFinding>();
        findings.AddRange(WasteFindings.FromSharedSuppliers(SharedSupplierAnalysis.Find(lines, resolution)));
        findings.AddRange(WasteFindings.FromDuplicates(DuplicatePaymentDetector.Detect(lines, resolution)));
        progress?.Report(3);
        findings.AddRange(WasteFindings.FromOverlaps(ServiceOverlapAnalysis.Find(lines, resolution)));
        var assets = await store.ListAssetsAsync(placeCode, cancellationToken);
        findings.AddRange(WasteFindings.FromCoLocations(CoLocationFinder.Find(assets), AssetSpendLinker.Link(assets, lines)));
        await store.SaveFindingsAsync(placeCode, findings, now, cancellationToken);
        progress?.Report(4);
        return await store.ListFindingsAsync(placeCode, cancellationToken);
    }
}
