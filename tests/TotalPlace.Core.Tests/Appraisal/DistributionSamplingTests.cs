using MathNet.Numerics.Distributions;
using TotalPlace.Core.Appraisal.Uncertainty;

namespace TotalPlace.Core.Tests.Appraisal;

/// <summary>Each sampler's draws against its closed form: mean, variance, bounds and the whole shape (Kolmogorov–Smirnov),
/// with a fixed seed so a failure is reproducible rather than flaky.</summary>
public sealed class DistributionSamplingTests
{
    private const int Draws = 200_000;

    // At α = 0.0001 the Kolmogorov–Smirnov critical value is 2.23/√n (P(K > x) ≈ 2e^(−2x²)): with 18 shapes checked, a
    // correct sampler fails somewhere about once in 550 seeds, while a biased one's distance grows with √n and fails
    // at any seed (checked at n = 20 million: the PERT sampler's scaled distance stayed near 1).
    private static readonly double s_ksCritical = 2.23 / Math.Sqrt(Draws);

    public static TheoryData<string, decimal, decimal, decimal> Shapes => new()
    {
        { "symmetric", 0m, 5m, 10m },
        { "skewed right", 100m, 120m, 400m },
        { "mode at low", -3m, -3m, 7m },
        { "mode at high", 0.2m, 0.9m, 0.9m },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Uniform_MatchesItsClosedForm(string shape, decimal low, decimal mode, decimal high)
    {
        _ = (shape, mode);
        var (a, b) = ((double)low, (double)high);
        AssertMatches(Distribution.Uniform(low, high), new ContinuousUniform(a, b), a, b, seed: 11);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Triangular_MatchesItsClosedForm(string shape, decimal low, decimal mode, decimal high)
    {
        _ = shape;
        var (a, c, b) = ((double)low, (double)mode, (double)high);
        AssertMatches(Distribution.Triangular(low, mode, high), new Triangular(a, b, c), a, b, seed: 12);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Pert_IsTheScaledBetaWithTheUsualShapeParameters(string shape, decimal low, decimal mode, decimal high)
    {
        _ = shape;
        var (a, c, b) = ((double)low, (double)mode, (double)high);
        var alpha = 1 + 4 * (c - a) / (b - a);
        var beta = 1 + 4 * (b - c) / (b - a);
        var scaled = new ScaledBeta(new Beta(alpha, beta), a, b);
        AssertMatches(Distribution.Pert(low, mode, high), scaled, a, b, seed: 13);
        Assert.Equal((a + 4 * c + b) / 6, scaled.Mean, 9);
    }

    [Theory]
    [InlineData(0, 1, -10, 10)]
    [InlineData(1500, 400, 1000, 2000)]
    [InlineData(0, 1, 0, 3)]
    [InlineData(10, 5, -2, 11)]
    public void Normal_IsTheNormalTruncatedToItsBounds(double mean, double sd, double low, double high)
    {
        var truncated = new TruncatedNormal(mean, sd, low, high);
        AssertMatches(Distribution.Normal((decimal)mean, (decimal)sd, (decimal)low, (decimal)high), truncated, low, high, seed: 14);
    }

    [Fact]
    public void Fixed_AlwaysDrawsItsValue()
    {
        var rng = new Xoshiro256(15);
        var fixedValue = Distribution.Fixed(0.15m);
        for (var i = 0; i < 1_000; i++)
        {
            Assert.Equal(0.15, fixedValue.Sample(ref rng));
        }
    }

    [Fact]
    public void DegenerateRanges_DrawTheirOnlyValue()
    {
        var rng = new Xoshiro256(16);
        foreach (var d in new[] { Distribution.Uniform(4m, 4m), Distribution.Triangular(4m, 4m, 4m), Distribution.Pert(4m, 4m, 4m), Distribution.Normal(4m, 0m, 4m, 4m) })
        {
            Assert.Equal(4.0, d.Sample(ref rng));
        }
    }

    private static void AssertMatches(Distribution sampler, IContinuousDistribution expected, double low, double high, ulong seed)
    {
        var rng = new Xoshiro256(seed);
        var draws = new double[Draws];
        for (var i = 0; i < Draws; i++)
        {
            draws[i] = sampler.Sample(ref rng);
        }

        Assert.All(draws, x => Assert.InRange(x, low, high));

        var mean = draws.Average();
        var variance = draws.Sum(x => (x - mean) * (x - mean)) / (Draws - 1);
        var standardError = Math.Sqrt(expected.Variance / Draws);
        Assert.True(Math.Abs(mean - expected.Mean) < 5 * standardError, $"mean {mean} vs {expected.Mean} (standard error {standardError})");

        // The sample variance's standard error is about σ²·√(2/n) for these light-tailed shapes; five of them is generous.
        var varianceTolerance = 5 * expected.Variance * Math.Sqrt(2.0 / Draws);
        Assert.True(Math.Abs(variance - expected.Variance) < varianceTolerance, $"variance {variance} vs {expected.Variance}");

        Array.Sort(draws);
        var ks = 0.0;
        for (var i = 0; i < Draws; i++)
        {
            var cdf = expected.CumulativeDistribution(draws[i]);
            ks = Math.Max(ks, Math.Max((i + 1.0) / Draws - cdf, cdf - (double)i / Draws));
        }

        Assert.True(ks < s_ksCritical, $"Kolmogorov–Smirnov distance {ks} ≥ {s_ksCritical}");
    }

    /// <summary>A beta distribution stretched from [0, 1] to [low, high].</summary>
    private sealed class ScaledBeta(Beta beta, double low, double high) : ClosedForm
    {
        public override double Mean => low + (high - low) * beta.Mean;

        public override double Variance => (high - low) * (high - low) * beta.Variance;

        public override double CumulativeDistribution(double x) => beta.CumulativeDistribution(Math.Clamp((x - low) / (high - low), 0, 1));
    }

    /// <summary>The normal distribution conditioned on [low, high], from its textbook moments.</summary>
    private sealed class TruncatedNormal(double mu, double sigma, double low, double high) : ClosedForm
    {
        private readonly double _alpha = (low - mu) / sigma;
        private readonly double _beta = (high - mu) / sigma;

        private double Z => Normal.CDF(0, 1, _beta) - Normal.CDF(0, 1, _alpha);

        public override double Mean => mu + sigma * (Normal.PDF(0, 1, _alpha) - Normal.PDF(0, 1, _beta)) / Z;

        public override double Variance
        {
            get
            {
                var (pa, pb) = (Normal.PDF(0, 1, _alpha), Normal.PDF(0, 1, _beta));
                var ratio = (pa - pb) / Z;
                return sigma * sigma * (1 + ((_alpha * pa) - (_beta * pb)) / Z - ratio * ratio);
            }
        }

        public override double CumulativeDistribution(double x) =>
            Math.Clamp((Normal.CDF(0, 1, (x - mu) / sigma) - Normal.CDF(0, 1, _alpha)) / Z, 0, 1);
    }

    /// <summary>Only the members the checks use; the rest of MathNet's interface is not needed here.</summary>
    private abstract class ClosedForm : IContinuousDistribution
    {
        public abstract double Mean { get; }

        public abstract double Variance { get; }

        public double StdDev => Math.Sqrt(Variance);

        public double Entropy => throw new NotSupportedException();

        public double Skewness => throw new NotSupportedException();

        public double Mode => throw new NotSupportedException();

        public double Median => throw new NotSupportedException();

        public double Minimum => throw new NotSupportedException();

        public double Maximum => throw new NotSupportedException();

        public System.Random RandomSource { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public abstract double CumulativeDistribution(double x);

        public double Density(double x) => throw new NotSupportedException();

        public double DensityLn(double x) => throw new NotSupportedException();

        public double Sample() => throw new NotSupportedException();

        public void Samples(double[] values) => throw new NotSupportedException();

        public IEnumerable<double> Samples() => throw new NotSupportedException();
    }
}
