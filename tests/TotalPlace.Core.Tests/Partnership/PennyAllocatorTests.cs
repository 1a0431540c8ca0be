using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TotalPlace.Core.Partnership;

namespace TotalPlace.Core.Tests.Partnership;

public sealed class PennyAllocatorTests
{
    [Fact]
    public void Allocate_HundredPoundsThreeWays_GivesTheSparePennyToTheFirst()
    {
        var shares = PennyAllocator.Allocate(Money.FromPounds(100m), [1m, 1m, 1m]);

        Assert.Equal([33.34m, 33.33m, 33.33m], shares.Select(s => s.Pounds));
    }

    [Fact]
    public void Allocate_LargestRemainderWins_NotPosition()
    {
        // Quotas 0.2, 0.3, 0.5 of £0.10 are 2p, 3p, 5p exactly; of £0.11 they are 2.2p, 3.3p, 5.5p: the spare penny goes to the 5.5p.
        var shares = PennyAllocator.Allocate(Money.FromPounds(0.11m), [0.2m, 0.3m, 0.5m]);

        Assert.Equal([0.02m, 0.03m, 0.06m], shares.Select(s => s.Pounds));
    }

    [Fact]
    public void Allocate_NegativeTotal_SharesAreNegativeAndReconcile()
    {
        var shares = PennyAllocator.Allocate(Money.FromPounds(-10m), [1m, 2m]);

        Assert.Equal([-3.33m, -6.67m], shares.Select(s => s.Pounds));
    }

    [Fact]
    public void Allocate_FractionOfAPennyTotal_IsRoundedHalfToEvenFirst()
    {
        var shares = PennyAllocator.Allocate(Money.FromPounds(0.125m), [1m]);

        Assert.Equal(0.12m, Assert.Single(shares).Pounds);
    }

    [Fact]
    public void Allocate_AllWeightsZero_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => PennyAllocator.Allocate(Money.FromPounds(1m), [0m, 0m]));

        Assert.Contains("above zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_NegativeWeight_Throws()
    {
        Assert.Throws<ArgumentException>(() => PennyAllocator.Allocate(Money.FromPounds(1m), [1m, -1m]));
    }

    [Fact]
    public void Allocate_VeryUnevenWeightsWithManyDecimals_StillReconciles()
    {
        decimal[] weights = [0.0000000000000000000000000001m, 79228162514264337593543950335m, 1.3333333333333333333333333333m];

        var shares = PennyAllocator.Allocate(Money.FromPounds(12_345_678_901.23m), weights);

        Assert.Equal(12_345_678_901.23m, shares.Sum(s => s.Pounds));
    }

    [Property]
    public bool Allocate_SharesAlwaysSumToTheTotalToThePenny(long pence, NonEmptyArray<NonNegativeInt> weights, PositiveInt scaleSeed)
    {
        var total = Money.FromPence(pence % 10_000_000_000_000L);
        var scale = scaleSeed.Get % 5;
        var w = weights.Get.Select(x => x.Get / (decimal)Math.Pow(10, scale)).ToArray();
        w[0] += 1m;

        var shares = PennyAllocator.Allocate(total, w);

        return shares.Count == w.Length
            && Money.Sum(shares) == total
            && shares.All(s => s.Pounds == Math.Round(s.Pounds, 2));
    }

    [Property]
    public bool Allocate_EachShareIsWithinAPennyOfItsExactQuota(PositiveInt pence, NonEmptyArray<PositiveInt> weights)
    {
        var total = Money.FromPence(pence.Get);
        var w = weights.Get.Select(x => (decimal)x.Get).ToArray();
        var sum = w.Sum();

        var shares = PennyAllocator.Allocate(total, w);

        return shares.Select((s, i) => Math.Abs(s.Pounds - (total.Pounds * w[i] / sum))).All(d => d < 0.01m);
    }

    [Property]
    public Property Allocate_ProportionalRule_IsMonotoneInContribution()
    {
        var gen =
            from pence in Gen.Choose(0, int.MaxValue)
            from weights in Gen.ArrayOf(Gen.Choose(0, 1_000_000)).Where(a => a.Length >= 2)
            from index in Gen.Choose(0, 1_000)
            from extra in Gen.Choose(1, 1_000_000)
            select (pence, weights, index, extra);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (pence, weights, index, extra) = t;
            var before = weights.Select(x => (decimal)x).ToArray();
            before[0] += 1m;
            var i = index % before.Length;
            var after = (decimal[])before.Clone();
            after[i] += extra;
            var total = Money.FromPence(pence);

            return PennyAllocator.Allocate(total, after)[i] >= PennyAllocator.Allocate(total, before)[i];
        });
    }

    [Property]
    public bool Allocate_SameInputs_SameOutput(PositiveInt pence, NonEmptyArray<PositiveInt> weights)
    {
        var w = weights.Get.Select(x => (decimal)x.Get).ToArray();

        return PennyAllocator.Allocate(Money.FromPence(pence.Get), w)
            .SequenceEqual(PennyAllocator.Allocate(Money.FromPence(pence.Get), w));
    }
}
