namespace TotalPlace.Storage.Counting;

/// <summary>One file of an imported package: its role, the batch holding its rows and what was read.</summary>
/// <param name="PartnerKey">The partner it belongs to.</param>
/// <param name="Path">Its path in the package.</param>
/// <param name="Role">transactions, outturn, budget or allocation.</param>
/// <param name="Period">The period it covers, as the package states it.</param>
/// <param name="BatchId">The import batch holding its lines or statements; null for an allocation table.</param>
/// <param name="Sha256">The SHA-256 of its bytes.</param>
/// <param name="RowsLoaded">Lines (or statements) loaded.</param>
/// <param name="Total">Their sum (for statements, the sum of what was selected; not a figure to report).</param>
/// <param name="Detail">What was read, one item a line (per sheet rows and totals, the share computed…).</param>
public sealed record PackageFileRecord(
    string PartnerKey,
    string Path,
    string Role,
    string Period,
    long? BatchId,
    string Sha256,
    int RowsLoaded,
    decimal Total,
    IReadOnlyList<string> Detail);
