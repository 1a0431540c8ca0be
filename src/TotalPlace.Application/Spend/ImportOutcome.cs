using TotalPlace.Import;
using TotalPlace.Storage;

namespace TotalPlace.Application.Spend;

/// <summary>What happened to one file of an import.</summary>
/// <param name="File">The file name (no folder).</param>
/// <param name="Status">Imported, already imported, or rejected.</param>
/// <param name="Batch">The batch committed or found; null when rejected.</param>
/// <param name="Errors">The problems found (at most the reader's report limit).</param>
/// <param name="ErrorCount">How many problems in all.</param>
/// <param name="Notes">What the reader decided (encoding, header row, date order…).</param>
/// <param name="Remembered">The remembered mapping the file was read with, or null.</param>
public sealed record ImportOutcome(
    string File,
    ImportStatus Status,
    ImportBatch? Batch,
    IReadOnlyList<ImportError> Errors,
    int ErrorCount,
    IReadOnlyList<string> Notes,
    Storage.Imports.RememberedMapping? Remembered = null)
{
    /// <summary>True when a well-formed file with a header and no lines was stored as an empty batch: the partner
    /// declared it had nothing to publish for the period.</summary>
    public bool IsNilReturn => Status == ImportStatus.Imported && Batch is { RowsLoaded: 0, RowsRejected: 0 };
}
