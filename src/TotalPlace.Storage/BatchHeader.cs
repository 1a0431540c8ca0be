namespace TotalPlace.Storage;

/// <summary>What is known about a batch before it is committed: its provenance.</summary>
/// <param name="PlaceCode">The place the batch belongs to (an ONS GSS code).</param>
/// <param name="Agency">The agency whose spend it is (ignored for statements, which name their agency per line).</param>
/// <param name="FileName">The file name as given by the user (no path).</param>
/// <param name="Sha256">Hex SHA-256 of the file's bytes; the key that stops double loading.</param>
/// <param name="RowsRead">Data rows read from the file (after skipping banners, blanks and footers).</param>
/// <param name="Rejects">Rows left out, with reasons, when the user asked to load only the valid rows.</param>
/// <param name="ImportedBy">Who ran the import.</param>
/// <param name="ImportedAt">When (from the caller's clock).</param>
public sealed record BatchHeader(
    string PlaceCode,
    string Agency,
    string FileName,
    string Sha256,
    int RowsRead,
    IReadOnlyList<BatchReject> Rejects,
    string ImportedBy,
    DateTimeOffset ImportedAt)
{
    /// <summary>The kind of the agency, when the importer knows it: the commit creates the agency (or corrects its
    /// kind) inside its own transaction, so a refused file leaves no agency behind. Null: a new agency is of kind
    /// <see cref="Core.Places.AgencyKind.Other"/> and an existing one is left as it is.</summary>
    public Core.Places.AgencyKind? AgencyKind { get; init; }
}
