namespace TotalPlace.Core.Appraisal.Uncertainty;

/// <summary>A probability distribution for one input.</summary>
/// <remarks>Parameters are decimals, as written in proposal files; sampling is in <see cref="double"/> because the
/// samples only feed simulation statistics (see <see cref="MonteCarlo"/>).</remarks>
public sealed record Distribution
{
    // Double copies of the parameters, made once, because converting decimals on every draw dominated the sampling cost.
    private readonly double _a, _c, _b, _alpha, _beta, _mean, _sd, _split;

    private Distribution(DistributionKind kind, decimal low, decimal mode, decimal high, decimal mean, decimal sd)
    {
        Kind = kind;
        Low = low;
        Mode = mode;
        High = high;
        Mean = mean;
        StandardDeviation = sd;
        (_a, _c, _b, _mean, _sd) = ((double)low, (double)mode, (double)high, (double)mean, (double)sd);
        var range = _b - _a;
        _split = range == 0 ? 0 : (_c - _a) / range;
        _alpha = range == 0 ? 1 : 1 + 4 * (_c - _a) / range;
        _beta = range == 0 ? 1 : 1 + 4 * (_b - _c) / range;
    }

    /// <summary>The shape.</summary>
    public DistributionKind Kind { get; }

    /// <summary>The lowest value (the truncation point for normal).</summary>
    public decimal Low { get; }

    /// <summary>The most likely value (triangular, PERT).</summary>
    public decimal Mode { get; }

    /// <summary>The highest value (the truncation point for normal).</summary>
    public decimal High { get; }

    /// <summary>The mean (normal).</summary>
    public decimal Mean { get; }

    /// <summary>The standard deviation (normal).</summary>
    public decimal StandardDeviation { get; }

    /// <summary>Always <paramref name="value"/>.</summary>
    public static Distribution Fixed(decimal value) => new(DistributionKind.Fixed, value, value, value, value, 0m);

    /// <summary>Uniform on [low, high].</summary>
    public static Distribution Uniform(decimal low, decimal high)
    {
        RequireOrdered(low, (low + high) / 2, high);
        return new(DistributionKind.Uniform, low, (low + high) / 2, high, (low + high) / 2, 0m);
    }

    /// <summary>Triangular with the given low, mode and high.</summary>
    public static Distribution Triangular(decimal low, decimal mode, decimal high)
    {
        RequireOrdered(low, mode, high);
        return new(DistributionKind.Triangular, low, mode, high, (low + mode + high) / 3, 0m);
    }

    /// <summary>PERT with the given low, mode and high.</summary>
    public static Distribution Pert(decimal low, decimal mode, decimal high)
    {
        RequireOrdered(low, mode, high);
        return new(DistributionKind.Pert, low, mode, high, (low + 4 * mode + high) / 6, 0m);
    }

    /// <summary>Normal with <paramref name="mean"/> and <paramref name="sd"/>, truncated to [low, high].</summary>
    public static Distribution Normal(decimal mean, decimal sd, decimal low, decimal high)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sd);
        RequireOrdered(low, mean, high);
        return new(DistributionKind.Normal, low, mean, high, mean, sd);
    }

    /// <summary>The value used for the tornado's low end: low, or the 10th percentile for normal (mean − 1.2816 sd, truncated).</summary>
    public decimal TornadoLow => Kind == DistributionKind.Normal ? Math.Max(Low, Mean - 1.2816m * StandardDeviation) : Low;

    /// <summary>The value used for the tornado's high end: high, or the 90th percentile for normal.</summary>
    public decimal TornadoHigh => Kind == DistributionKind.Normal ? Math.Min(High, Mean + 1.2816m * StandardDeviation) : High;

    internal double Sample(ref Xoshiro256 rng)
    {
        switch (Kind)
        {
            case DistributionKind.Fixed:
                return _c;
            case DistributionKind.Uniform:
                return _a + (_b - _a) * rng.NextDouble();
            case DistributionKind.Triangular:
                {
                    if (_b == _a)
                    {
                        return _a;
                    }

                    var u = rng.NextDouble();
                    return u < _split ? _a + Math.Sqrt(u * (_b - _a) * (_c - _a)) : _b - Math.Sqrt((1 - u) * (_b - _a) * (_b - _c));
                }

            case DistributionKind.Pert:
                {
                    if (_b == _a)
                    {
                        return _a;
                    }

                    var x = rng.NextGamma(_alpha);
                    var y = rng.NextGamma(_beta);
                    return _a + (_b - _a) * x / (x + y);
                }

            case DistributionKind.Normal:
                {
                    if (_sd == 0)
                    {
                        return Math.Clamp(_mean, _a, _b);
                    }

                    // Rejection keeps the truncated shape exact; the cap only matters for absurd truncations.
                    for (var i = 0; i < 1000; i++)
                    {
                        var v = _mean + _sd * rng.NextGaussian();
                        if (v >= _a && v <= _b)
                        {
                            return v;
                        }
                    }

                    return Math.Clamp(_mean, _a, _b);
                }

            default:
                throw new InvalidOperationException($"unknown distribution {Kind}");
        }
    }

    private static void RequireOrdered(decimal low, decimal mode, decimal high)
    {
        if (!(low <= mode && mode <= high))
        {
            throw new ArgumentException($"a distribution needs low ≤ mode ≤ high; got {low}, {mode}, {high}");
        }
    }
}
