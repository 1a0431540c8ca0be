namespace TotalPlace.Core.Appraisal.Uncertainty;

/// <summary>How a simulated output's draws spread: equal-width bins from the smallest draw to the largest.</summary>
/// <remarks>Two histograms are equal when their bins and counts are, so a seeded run compares equal to its repeat.
/// The last bin includes the largest draw. Values are doubles, like every simulation statistic.</remarks>
public sealed class Histogram : IEquatable<Histogram>
{
    /// <summary>The number of bins <see cref="Of"/> uses unless told otherwise.</summary>
    public const int DefaultBins = 40;

    private readonly int[] _counts;

    private Histogram(double lower, double width, int[] counts)
    {
        Lower = lower;
        Width = width;
        _counts = counts;
    }

    /// <summary>The lower edge of the first bin (the smallest draw).</summary>
    public double Lower { get; }

    /// <summary>The width of every bin; zero when every draw was the same.</summary>
    public double Width { get; }

    /// <summary>Draws in each bin, lowest first; they sum to the number of draws.</summary>
    public IReadOnlyList<int> Counts => _counts;

    /// <summary>Bins the values (which need not be sorted); NaN values are left out.</summary>
    public static Histogram Of(IReadOnlyList<double> values, int bins = DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        if (double.IsInfinity(min))
        {
            return new Histogram(0, 0, []);
        }

        var width = (max - min) / bins;
        var counts = new int[width == 0 ? 1 : bins];
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                continue;
            }

            var bin = width == 0 ? 0 : (int)Math.Min(bins - 1, Math.Floor((v - min) / width));
            counts[bin]++;
        }

        return new Histogram(min, width, counts);
    }

    /// <inheritdoc/>
    public bool Equals(Histogram? other) =>
        other is not null && Lower.Equals(other.Lower) && Width.Equals(other.Width) && _counts.AsSpan().SequenceEqual(other._counts);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Histogram);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Lower, Width, _counts.Length);
}
