namespace TotalPlace.Cli.Infrastructure;

/// <summary>What a column holds, which decides how a table shows it (CSV and JSON always carry the raw value).</summary>
public enum ColumnKind
{
    Text,

    /// <summary>Pounds: shown as £1,234.56 in tables, written exactly (no rounding) to CSV and JSON.</summary>
    Money,

    /// <summary>A whole number: shown with thousands separators in tables.</summary>
    Count,

    /// <summary>A fraction shown as a percentage with one decimal place.</summary>
    Percent,

    /// <summary>A date: ISO yyyy-MM-dd everywhere.</summary>
    Date,
}
