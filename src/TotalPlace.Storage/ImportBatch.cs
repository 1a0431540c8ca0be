namespace TotalPlace.Storage;

/// <summary>A committed batch's provenance.</summary>
/// <param name="Id">The batch id; transaction ids and drill-down rows refer to it.</param>
/// <param name="Agency">The agency named in the header (for statements, the header's agency, which may be empty).</param>
/// <param name="Kind">One of <see cref="BatchKinds"/>.</param>
/// <param name="RowsLoaded">Lines stored.</param>
/// <param name="RowsRejected">Rows left out (the count of <paramref name="Rejects"/>).</param>
/// <param name="Total">The exact sum of the stored lines' amounts.</param>
public sealed record ImportBatch(
    long Id,
    string PlaceCode,
    string Agency,
    string Kind,
    string FileName,
    string Sha256,
    int RowsRead,
    int RowsLoaded,
    int RowsRejected,
    decimal Total,
    string ImportedBy,
    DateTimeOffset ImportedAt,
    IReadOnlyList<BatchReject> Rejects);
