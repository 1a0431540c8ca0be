using TotalPlace.Core.Spending;
using TotalPlace.Import;

namespace TotalPlace.Application.Spend;

/// <summary>A file as the commit would take it, in brief: the same counts, total, problems and notes as
/// <see cref="ImportPreview"/>, but only the first accepted lines, so holding it costs the same whatever the file's
/// size. The web review page reads an upload into one in a background job and keeps it while the user decides.</summary>
public sealed record ImportSummary
{
    /// <summary>The file as read (format, encoding, header row, mapping chosen, notes); its
    /// <see cref="SpendFileResult.Transactions"/> is empty: the lines are summarised, not kept.</summary>
    public required SpendFileResult Read { get; init; }

    /// <summary>The first accepted lines, in file order (at most the number asked for).</summary>
    public required IReadOnlyList<Transaction> FirstLines { get; init; }

    /// <summary>How many lines the commit would store.</summary>
    public required int AcceptedCount { get; init; }

    /// <summary>The exact total of the lines the commit would store.</summary>
    public required decimal AcceptedTotal { get; init; }

    /// <summary>Every problem found (reader and store rules), at most the reader's report limit.</summary>
    public required IReadOnlyList<ImportError> Errors { get; init; }

    /// <summary>How many problems in all.</summary>
    public required int ErrorCount { get; init; }

    /// <summary>Rows refused: the reader's rejects and the lines the store would refuse.</summary>
    public required int RowsRejected { get; init; }

    /// <summary>What was decided about the file, for the user to check.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>The mapping remembered for this publisher and header that the file was read with, or null.</summary>
    public Storage.Imports.RememberedMapping? Remembered { get; init; }

    /// <summary>The options the file was read with (the remembered mapping applied, when there was one).</summary>
    public SpendReadOptions? Options { get; init; }

    /// <summary>Whether only the valid rows are to be loaded.</summary>
    public required bool AllowPartial { get; init; }

    /// <summary>Rows read from the file.</summary>
    public int RowsRead => Read.RowsRead;

    /// <summary>Rows passed over as not data (footers, notes).</summary>
    public int RowsSkipped => Read.RowsSkipped;

    /// <summary>The SHA-256 of the bytes: the batch's identity for re-imports.</summary>
    public string Sha256 => Read.Sha256;

    /// <summary>True when the file has no problem at all.</summary>
    public bool IsValid => ErrorCount == 0;

    /// <summary>True when committing would store nothing (see <see cref="ImportPreview.IsRejected"/>).</summary>
    public bool IsRejected => ErrorCount > 0 && (!AllowPartial || Errors.Any(e => e.Row == 0) || AcceptedCount == 0);
}
