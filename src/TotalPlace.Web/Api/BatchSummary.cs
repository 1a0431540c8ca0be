using TotalPlace.Storage;

namespace TotalPlace.Web.Api;

/// <summary>A committed batch's provenance without its list of rejected rows.</summary>
public sealed record BatchSummary(
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
    DateTimeOffset? PublishedAt = null,
    string? PublishedBy = null)
{
    public static BatchSummary From(ImportBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new(batch.Id, batch.PlaceCode, batch.Agency, batch.Kind, batch.FileName, batch.Sha256, batch.RowsRead,
            batch.RowsLoaded, batch.RowsRejected, batch.Total, batch.ImportedBy, batch.ImportedAt, batch.PublishedAt, batch.PublishedBy);
    }
}
