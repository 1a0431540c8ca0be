namespace TotalPlace.Storage;

/// <summary>A committed batch's provenance.</summary>
/// <param name="Id">The batch id; transaction ids and drill-down rows refer to it.</param>
/// <param name="Agency">The agency named in the header (for statements, the header's agency, which may be empty).</param>
/// <param name="Kind">One of <see cref="BatchKinds"/>.</param>
/// <param name="RowsLoaded">Lines stored.</param>
/// <param name="RowsRejected">Rows left out (the count of <paramref name="Rejects"/>).</param>
/// <param name="Total">The exact sum of the stored lines' amounts.</param>
/// <remarks>A batch is unpublished until published: the public sees published batches only, and an agency analyst
/// sees other agencies' batches only once published (see <see cref="Identity.Visibility"/>).</remarks>
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
    IReadOnlyList<BatchReject> Rejects)
{
    /// <summary>When an administrator or board member published the batch (migration 002); null while unpublished.
    /// Filled by <see cref="ISpendStore.ListBatchesAsync(string?, Identity.Visibility, CancellationToken)"/>.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Who published the batch; null while unpublished.</summary>
    public string? PublishedBy { get; init; }
}
