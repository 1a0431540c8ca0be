namespace TotalPlace.Import;

/// <summary>How to read an all-numeric date such as 03/04/2024 whose first two parts could each be the month.</summary>
/// <remarks>Year-first dates (2024-04-03), dates with a month name (03-Apr-24) and Excel serial numbers are never
/// ambiguous and are read the same way whatever the order.</remarks>
public enum DateOrder
{
    /// <summary>Day, month, year: the UK convention and the default (03/04/2024 is 3 April).</summary>
    DayFirst = 0,

    /// <summary>Month, day, year: the US convention (03/04/2024 is 4 March).</summary>
    MonthFirst,
}
