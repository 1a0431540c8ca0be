using TotalPlace.Core.Spending;

namespace TotalPlace.Import;

/// <summary>Everything read from one spend file held in memory: the accepted lines, the errors and what the reader
/// decided. A file is acceptable as a batch only when <see cref="Errors"/> is empty, unless partial loading is allowed.</summary>
public sealed record SpendFileResult
{
    public required string FileName { get; init; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes: the key that stops the same file loading twice.</summary>
    public required string Sha256 { get; init; }

    public required SpendFileFormat Format { get; init; }

    /// <summary>The text encoding detected; "binary" for workbooks.</summary>
    public required string Encoding { get; init; }

    /// <summary>The delimiter detected; null for workbooks.</summary>
    public char? Delimiter { get; init; }

    /// <summary>The 1-based row of the header; 0 when none (a nil return, or a mapping with headerRow 0).</summary>
    public int HeaderRow { get; init; }

    /// <summary>The columns used, resolved, with the date order; edit and pass back in <see cref="SpendReadOptions.Mapping"/>.</summary>
    public required ColumnMapping Mapping { get; init; }

    /// <summary>Non-blank rows after the header (loaded + rejected + skipped).</summary>
    public int RowsRead { get; init; }

    /// <summary>Rows with errors (none of their money is in <see cref="Total"/>).</summary>
    public int RowsRejected { get; init; }

    /// <summary>Rows that are not transactions and carry no money of their own: footer totals, notes, repeated headers.</summary>
    public int RowsSkipped { get; init; }

    public required IReadOnlyList<Transaction> Transactions { get; init; }

    /// <summary>Problems found, each naming file, row, column and value (at most <see cref="SpendReadOptions.MaxErrors"/>).</summary>
    public required IReadOnlyList<ImportError> Errors { get; init; }

    /// <summary>All errors found, including any beyond the report limit.</summary>
    public int ErrorCount { get; init; }

    /// <summary>What the reader decided or skipped, for the import report.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>Every sheet and block read, with its rows and total, and every sheet left out with the reason.</summary>
    public IReadOnlyList<SpendFileBlock> Blocks { get; init; } = [];

    /// <summary>The exact sum of <see cref="Transactions"/>.</summary>
    public decimal Total { get; init; }

    /// <summary>True when there are no errors, so the whole file can be committed.</summary>
    public bool IsValid => ErrorCount == 0;
}
