namespace TotalPlace.Core.Appraisal;

/// <summary>Net present value and internal rate of return conventions, named so they cannot be confused.</summary>
public static class CashFlows
{
    /// <summary>
    /// Green Book / numpy-financial convention: the first value is year 0 and is not discounted,
    /// <c>Σ v_t / (1 + r)^t</c>.
    /// </summary>
    public static decimal NpvYearZeroUndiscounted(decimal rate, IReadOnlyList<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(rate, -1m);
        var total = 0m;
        var factor = 1m;
        for (var t = 0; t < values.Count; t++)
        {
            total += values[t] * factor;
            factor /= 1m + rate;
        }

        return total;
    }

    /// <summary>
    /// Excel's <c>NPV()</c> convention: the first value is discounted by one whole period,
    /// <c>Σ v_t / (1 + r)^(t+1)</c>; equal to <see cref="NpvYearZeroUndiscounted"/> ÷ (1 + r).
    /// </summary>
    public static decimal NpvExcelStyle(decimal rate, IReadOnlyList<decimal> values) =>
        NpvYearZeroUndiscounted(rate, values) / (1m + rate);

    /// <summary>
    /// The internal rate of return of <paramref name="values"/> (year 0 undiscounted), found by bisection between
    /// −99% and 1,000%; null when the net flows do not change sign in that range.
    /// </summary>
    /// <remarks>A rate, not money, so it is searched in <see cref="double"/>: decimal's range overflows when a
    /// rate near −100% is compounded over decades. Returned rounded to 10 decimal places.</remarks>
    public static decimal? InternalRateOfReturn(IReadOnlyList<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var flows = values.Select(v => (double)v).ToArray();
        double low = -0.99, high = 10.0;
        var fLow = Npv(low, flows);
        var fHigh = Npv(high, flows);
        if (double.IsNaN(fLow) || double.IsNaN(fHigh) || Math.Sign(fLow) == Math.Sign(fHigh) || fLow == 0 || fHigh == 0)
        {
            return fLow == 0 ? (decimal)low : fHigh == 0 ? (decimal)high : null;
        }

        for (var i = 0; i < 200 && high - low > 1e-13; i++)
        {
            var mid = (low + high) / 2;
            var fMid = Npv(mid, flows);
            if (Math.Sign(fMid) == Math.Sign(fLow))
            {
                low = mid;
                fLow = fMid;
            }
            else
            {
                high = mid;
            }
        }

        return Math.Round((decimal)((low + high) / 2), 10);
    }

    private static double Npv(double rate, double[] flows)
    {
        var total = 0.0;
        var factor = 1.0;
        foreach (var flow in flows)
        {
            total += flow * factor;
            factor /= 1 + rate;
        }

        return total;
    }
}
