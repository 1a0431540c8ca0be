using System.Globalization;
using TotalPlace.Core;

namespace TotalPlace.Import;

/// <summary>The period an aggregate file covers (one total per supplier, no dates), given by the user: a month
/// ("2011-01") or a fiscal year ("2023-24"). Every line of such a file is dated the period's first day, and the
/// import report says so.</summary>
/// <param name="Start">The first day of the period.</param>
/// <param name="End">The last day of the period, inclusive.</param>
/// <param name="Label">The period as the user wrote it, normalised ("2011-01", "2023-24").</param>
public sealed record SpendPeriod(DateOnly Start, DateOnly End, string Label)
{
    /// <summary>Reads "YYYY-MM" as a month and "YYYY-YY" or "YYYY/YY" as a fiscal year (April to March); "2011-12" is
    /// December 2011, so the fiscal year 2011-12 is written "2011/12".</summary>
    public static bool TryParse(string? text, out SpendPeriod period, out string error)
    {
        period = null!;
        error = string.Empty;
        var s = text?.Trim() ?? string.Empty;
        if (s.Length == 7 && s[4] == '-'
            && int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(s.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && year is >= 1990 and <= 2100 && month is >= 1 and <= 12)
        {
            var start = new DateOnly(year, month, 1);
            period = new SpendPeriod(start, start.AddMonths(1).AddDays(-1), s);
            return true;
        }

        if (FiscalYear.TryParse(s, out var fiscalYear))
        {
            period = new SpendPeriod(fiscalYear.Start, fiscalYear.End, fiscalYear.ToString());
            return true;
        }

        error = $"the period '{s}' is neither a month (e.g. 2011-01) nor a fiscal year (e.g. 2023-24, or 2011/12 where the dash would read as a month)";
        return false;
    }
}
