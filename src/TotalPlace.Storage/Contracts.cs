using TotalPlace.Core;

namespace TotalPlace.Storage;

/// <summary>What is known about a batch before it is committed: its provenance.</summary>
/// <param name="PlaceCode">The place the batch belongs to.</param>
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
    DateTimeOffset ImportedAt);

/// <summary>A row left out of a batch, with where and why.</summary>
public sealed record BatchReject(int Row, string Column, string Value, string Message);

/// <summary>The outcome of a commit.</summary>
/// <param name="Batch">The batch as stored.</param>
/// <param name="AlreadyImported">True when the same file was committed before and nothing was added.</param>
public sealed record BatchResult(ImportBatch Batch, bool AlreadyImported);

/// <summary>A committed batch's provenance.</summary>
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

/// <summary>A dimension of the place map.</summary>
public enum MapDimension
{
    Theme,
    Agency,
    Year,
    Funding,
}

/// <summary>What to map: a place, grouped by some dimensions, optionally for one year.</summary>
public sealed record MapQuery(
    string PlaceCode,
    IReadOnlyList<MapDimension> By,
    FiscalYear? Year = null,
    string? Agency = null,
    string? Theme = null);

/// <summary>The place map: the grand total and one row per group.</summary>
/// <param name="Total">The sum of every accepted line and statement in scope, exact to the penny.</param>
/// <param name="Population">The population used for per-head figures, if known.</param>
public sealed record PlaceMap(string PlaceCode, decimal Total, long? Population, IReadOnlyList<MapRow> Rows)
{
    /// <summary>Pounds per resident, unrounded; null when population is unknown.</summary>
    public decimal? PerHead => Population is > 0 ? Total / Population.Value : null;
}

/// <summary>One group of the place map. Keys not grouped by are null.</summary>
public sealed record MapRow(
    string? Theme,
    string? Agency,
    FiscalYear? Year,
    string? Funding,
    decimal Amount,
    long Lines,
    decimal? PerHead);

/// <summary>A page of results and the total count behind it.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long TotalCount);

/// <summary>Filters, sort and paging for transaction drill-down.</summary>
public sealed record TransactionQuery(
    string PlaceCode,
    string? Agency = null,
    string? Theme = null,
    FiscalYear? Year = null,
    string? Search = null,
    string Sort = "date",
    bool Descending = true,
    int PageNumber = 1,
    int PageSize = 50);

/// <summary>A stored transaction with its classification and provenance.</summary>
public sealed record TransactionRow(
    long Id,
    string Agency,
    DateOnly Date,
    decimal Amount,
    string? Supplier,
    string? Reference,
    string? ExpenseType,
    string? ExpenseArea,
    string? ServiceCode,
    string Theme,
    long BatchId,
    string FileName,
    int SourceRow);
