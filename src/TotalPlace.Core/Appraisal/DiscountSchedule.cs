namespace TotalPlace.Core.Appraisal;

/// <summary>
/// A Green Book discount schedule: a rate for each band of years, applied cumulatively so that
/// <c>DF(0) = 1</c> and <c>DF(t) = DF(t−1) / (1 + r_t)</c>.
/// </summary>
/// <remarks>The step rule means DF(31) = DF(30) / 1.03 under the standard schedule, not 1 / 1.03^31.</remarks>
public sealed class DiscountSchedule
{
    private static readonly int[] s_bandStarts = [0, 31, 76, 126, 201, 301];
    private readonly decimal[] _rates;
    private readonly Lazy<decimal[]> _factors;

    private DiscountSchedule(DiscountKind kind, string name, string citation, decimal[] rates)
    {
        Kind = kind;
        Name = name;
        Citation = citation;
        _rates = rates;
        _factors = new Lazy<decimal[]>(Build);
    }

    /// <summary>The most years a factor can be asked for.</summary>
    public const int MaxYears = 500;

    /// <summary>Which schedule this is.</summary>
    public DiscountKind Kind { get; }

    /// <summary>Display name, e.g. "Green Book standard (3.5%)".</summary>
    public string Name { get; }

    /// <summary>Where the rates come from.</summary>
    public string Citation { get; }

    /// <summary>Green Book standard schedule: 3.5% for years 0–30, then 3.0%, 2.5%, 2.0%, 1.5%, 1.0%.</summary>
    public static DiscountSchedule Standard { get; } = new(DiscountKind.Standard, "Green Book standard (3.5%)",
        "HM Treasury, The Green Book, standard discount rate schedule", [0.035m, 0.030m, 0.025m, 0.020m, 0.015m, 0.010m]);

    /// <summary>Green Book health schedule: 1.5% for years 0–30, then 1.29%, 1.07%, 0.86%, 0.64%, 0.43%.</summary>
    public static DiscountSchedule Health { get; } = new(DiscountKind.Health, "Green Book health (1.5%)",
        "HM Treasury, The Green Book, discount rate schedule for health effects", [0.015m, 0.0129m, 0.0107m, 0.0086m, 0.0064m, 0.0043m]);

    /// <summary>Lower-rate sensitivity schedule (2026): 3.0% for years 0–30, then 2.57%, 2.14%, 1.71%, 1.29%, 0.86%.</summary>
    public static DiscountSchedule LowerRateSensitivity { get; } = new(DiscountKind.Sensitivity,
        "Green Book lower-rate sensitivity (3.0%)", "HM Treasury, The Green Book, lower-rate sensitivity schedule (2026)",
        [0.030m, 0.0257m, 0.0214m, 0.0171m, 0.0129m, 0.0086m]);

    /// <summary>The schedule of a kind.</summary>
    public static DiscountSchedule For(DiscountKind kind) => kind switch
    {
        DiscountKind.Standard => Standard,
        DiscountKind.Health => Health,
        DiscountKind.Sensitivity => LowerRateSensitivity,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown discount schedule"),
    };

    /// <summary>The rate that discounts year <paramref name="t"/> back to year t−1 (the band containing t).</summary>
    public decimal Rate(int t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        var band = 0;
        for (var i = 0; i < s_bandStarts.Length; i++)
        {
            if (t >= s_bandStarts[i])
            {
                band = i;
            }
        }

        return _rates[band];
    }

    /// <summary>The discount factor of year <paramref name="t"/> (t = 0 is undiscounted).</summary>
    public decimal Factor(int t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(t, MaxYears);
        return _factors.Value[t];
    }

    /// <summary>The present value at year 0 of <paramref name="values"/>, the first in year 0 (undiscounted).</summary>
    public decimal PresentValue(IReadOnlyList<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var total = 0m;
        for (var t = 0; t < values.Count; t++)
        {
            total += values[t] * Factor(t);
        }

        return total;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private decimal[] Build()
    {
        var factors = new decimal[MaxYears];
        factors[0] = 1m;
        for (var t = 1; t < MaxYears; t++)
        {
            factors[t] = factors[t - 1] / (1m + Rate(t));
        }

        return factors;
    }
}
