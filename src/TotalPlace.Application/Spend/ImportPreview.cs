using TotalPlace.Core.Spending;
using TotalPlace.Import;

namespace TotalPlace.Application.Spend;

/// <summary>A file as the commit would take it: what is accepted, what is refused and why. The review page shows
/// it; the commit stores exactly its <see cref="Accepted"/> lines or nothing.</summary>
public sealed record ImportPreview
{
    /// <summary>The file as read (format, encoding, header row, mapping chosen, notes).</summary>
    public required SpendFileResult Read { get; init; }

    /// <summary>The lines the commit stores.</summary>
    public required IReadOnlyList<Transaction> Accepted { get; init; }

    /// <summary>Every problem found (reader and store rules), at most the reader's report limit.</summary>
    public required IReadOnlyList<ImportError> Errors { get; init; }

    /// <summary>How many problems in all.</summary>
    public required int ErrorCount { get; init; }

    /// <summary>What was decided about the file, for the user to check.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>The mapping remembered for this publisher and header that the file was read with, or null (inferred,
    /// or given by the user).</summary>
    public Storage.Imports.RememberedMapping? Remembered { get; init; }

    /// <summary>The options the file was read with (the remembered mapping applied, when there was one).</summary>
    public SpendReadOptions? Options { get; init; }

    /// <summary>Whether only the valid rows are to be loaded.</summary>
    public required bool AllowPartial { get; init; }

    /// <summary>The file name.</summary>
    public string File => Read.FileName;

    /// <summary>Rows read from the file.</summary>
    public int RowsRead => Read.RowsRead;

    /// <summary>Rows refused: the reader's rejects and the lines the store would refuse.</summary>
    public int RowsRejected => Read.RowsRejected + (Read.Transactions.Count - Accepted.Count);

    /// <summary>Rows passed over as not data (footers, notes).</summary>
    public int RowsSkipped => Read.RowsSkipped;

    /// <summary>The SHA-256 of the bytes: the batch's identity for re-imports.</summary>
    public string Sha256 => Read.Sha256;

    /// <summary>The exact total of the accepted lines.</summary>
    public decimal AcceptedTotal => Accepted.Sum(t => t.Amount);

    /// <summary>True when the file has no problem at all.</summary>
    public bool IsValid => ErrorCount == 0;

    /// <summary>True when committing would store nothing: a problem with partial loading off, a file-level problem
    /// (row 0: unreadable, no header), or no valid row to keep.</summary>
    public bool IsRejected => ErrorCount > 0 && (!AllowPartial || Errors.Any(e => e.Row == 0) || Accepted.Count == 0);
}
