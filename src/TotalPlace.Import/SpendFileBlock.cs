namespace TotalPlace.Import;

/// <summary>One part of a spend file read with one header: a CSV file, a sheet, or a block of a sheet that starts
/// where a header repeats; or a sheet left out, with the reason. The import report lists every one, so money is
/// never left out silently.</summary>
/// <param name="Sheet">The sheet's name; null for a CSV file.</param>
/// <param name="HeaderRow">The 1-based row of the block's header; 0 when there is none.</param>
/// <param name="FirstRow">The first row loaded or rejected; 0 when none.</param>
/// <param name="LastRow">The last row loaded or rejected; 0 when none.</param>
/// <param name="RowsLoaded">Rows loaded from the block.</param>
/// <param name="RowsRejected">Rows of the block rejected with errors.</param>
/// <param name="Total">The exact sum of the rows loaded from the block.</param>
/// <param name="AmountColumn">The column read as the amount, as the header names it.</param>
/// <param name="LeftOut">Why the sheet was not loaded; null when it was read.</param>
/// <param name="MoneyLikeValues">For a sheet left out: how many of its cells read as money (a warning when not 0).</param>
public sealed record SpendFileBlock(
    string? Sheet, int HeaderRow, int FirstRow, int LastRow, int RowsLoaded, int RowsRejected, decimal Total, string? AmountColumn, string? LeftOut, int MoneyLikeValues = 0)
{
    /// <summary>True when the block was read (its rows loaded or reported as errors).</summary>
    public bool IsLoaded => LeftOut is null;
}
