using System.Globalization;
using TotalPlace.Core;

namespace TotalPlace.Cli.Infrastructure;

/// <summary>How values read in tables: British pounds and thousands separators, whatever the machine's culture.</summary>
internal static class Formats
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Money(decimal pounds) => MoneyFormat.Pounds(pounds);

    public static string Count(long count) => count.ToString("N0", EnGb);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The exact value for machines: invariant culture, no grouping, no rounding.</summary>
    public static string Raw(object? value) => value switch
    {
        null => string.Empty,
        DateOnly date => Date(date),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    public static string ForTable(object? value, ColumnKind kind) => (value, kind) switch
    {
        (null, _) => string.Empty,
        (decimal pounds, ColumnKind.Money) => Money(pounds),
        (long count, ColumnKind.Count) => Count(count),
        (int count, ColumnKind.Count) => Count(count),
        (decimal fraction, ColumnKind.Percent) => fraction.ToString("P1", EnGb),
        (DateOnly date, _) => Date(date),
        _ => Raw(value),
    };
}
