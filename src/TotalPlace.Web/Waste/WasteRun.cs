using TotalPlace.Core.Assets;
using TotalPlace.Core.Waste;
using TotalPlace.Storage.Waste;

namespace TotalPlace.Web.Waste;

/// <summary>The same waste run as the CLI's <c>waste</c> verb (TotalPlace.Cli's WasteAnalysis, which is internal to
/// the CLI): the same Core analyses in the same order, saved and listed ranked with reviewers' decisions applied.</summary>
public static class WasteRun
{
    public static async Task<IReadOnlyList<WasteFinding>> RunAsync(IWasteStore store, string placeCode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        var lines = new List<PartnerTransaction>();
        await foreach (var line in store.ReadTransactionsAsync(placeCode, cancellationToken))
        {
            lines.Add(line);
        }

        var resolution = SupplierResolver.Resolve(lines, await store.ListSupplierDecisionsAsync(placeCode, cancellationToken));
        var findings = new List<WasteFinding>();
        findings.AddRange(WasteFindings.FromSharedSuppliers(SharedSupplierAnalysis.Find(lines, resolution)));
        findings.AddRange(WasteFindings.FromDuplicates(DuplicatePaymentDetector.Detect(lines, resolution)));
        findings.AddRange(WasteFindings.FromOverlaps(ServiceOverlapAnalysis.Find(lines, resolution)));
        findings.AddRange(WasteFindings.FromCoLocations(CoLocationFinder.Find(await store.ListAssetsAsync(placeCode, cancellationToken))));
        await store.SaveFindingsAsync(placeCode, findings, now, cancellationToken);
        return await store.ListFindingsAsync(placeCode, cancellationToken);
    }
}
