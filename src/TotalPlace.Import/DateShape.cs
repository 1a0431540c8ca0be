namespace TotalPlace.Import;

/// <summary>What one date text says about the file's date order; used to infer the order per file.</summary>
public enum DateShape
{
    /// <summary>Nothing there.</summary>
    Empty = 0,

    /// <summary>Not a date in any accepted format.</summary>
    Invalid,

    /// <summary>Reads the same whatever the order (ISO, month name, Excel serial, or equal day and month).</summary>
    Unambiguous,

    /// <summary>Only valid day-first, e.g. 13/04/2024.</summary>
    DayFirstOnly,

    /// <summary>Only valid month-first, e.g. 04/13/2024.</summary>
    MonthFirstOnly,

    /// <summary>Valid both ways with different meanings, e.g. 03/04/2024.</summary>
    Ambiguous,
}
