using TotalPlace.Core.Appraisal;

namespace TotalPlace.Core.Tests.Appraisal;

public sealed class DiscountingTests
{
    [Theory]
    [InlineData(1, "0.9661835749")]
    [InlineData(10, "0.7089188137")]
    [InlineData(30, "0.3562784106")]
    [InlineData(31, "0.3459013695")]
    public void Factor_StandardSchedule_MatchesVector(int t, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Math.Round(DiscountSchedule.Standard.Factor(t), 10));

    [Fact]
    public void Factor_HealthYear10_MatchesVector() =>
        Assert.Equal(0.8616672317m, Math.Round(DiscountSchedule.Health.Factor(10), 10));

    [Theory]
    [InlineData(31, "1.03")]
    [InlineData(76, "1.025")]
    [InlineData(126, "1.02")]
    [InlineData(201, "1.015")]
    [InlineData(301, "1.01")]
    public void Factor_AcrossAStep_IsCumulative(int t, string step)
    {
        var s = DiscountSchedule.Standard;
        Assert.Equal(s.Factor(t - 1) / decimal.Parse(step, System.Globalization.CultureInfo.InvariantCulture), s.Factor(t));
    }

    [Fact]
    public void Factor_Year31_IsNotTheSingleRateFormula()
    {
        var singleRate = 1m / (decimal)Math.Pow(1.03, 31);
        Assert.NotEqual(Math.Round(singleRate, 6), Math.Round(DiscountSchedule.Standard.Factor(31), 6));
    }

    [Fact]
    public void PresentValue_VectorFlows_Is35Point4515712641()
    {
        decimal[] flows = [-100m, 30m, 30m, 30m, 30m, 30m];
        Assert.Equal(35.4515712641m, Math.Round(DiscountSchedule.Standard.PresentValue(flows), 10));
        Assert.Equal(35.4515712641m, Math.Round(CashFlows.NpvYearZeroUndiscounted(0.035m, flows), 10));
    }

    [Fact]
    public void NpvExcelStyle_DiscountsTheFirstValueByOnePeriod()
    {
        decimal[] flows = [-100m, 30m, 30m, 30m, 30m, 30m];
        Assert.Equal(Math.Round(35.4515712641m / 1.035m, 9), Math.Round(CashFlows.NpvExcelStyle(0.035m, flows), 9));
    }

    [Fact]
    public void NpvYearZeroUndiscounted_NumpyFinancialDocExamples()
    {
        // numpy-financial npv docstring: npf.npv(0.281, [-100, 39, 59, 55, 20]) = -0.0084785916384548798
        Assert.Equal(-0.0084785916m, Math.Round(CashFlows.NpvYearZeroUndiscounted(0.281m, [-100m, 39m, 59m, 55m, 20m]), 10));
        // npf.npv(0.05, [-15000, 1500, 2500, 3500, 4500, 6000]) = 122.89485495093959
        Assert.Equal(122.894854951m, Math.Round(CashFlows.NpvYearZeroUndiscounted(0.05m, [-15000m, 1500m, 2500m, 3500m, 4500m, 6000m]), 9));
    }

    [Fact]
    public void InternalRateOfReturn_NumpyFinancialExample_Is0Point0524()
    {
        // numpy-financial irr docstring: npf.irr([-150000, 15000, 25000, 35000, 45000, 60000]) ≈ 0.0524
        decimal[] flows = [-150000m, 15000m, 25000m, 35000m, 45000m, 60000m];
        var irr = CashFlows.InternalRateOfReturn(flows)!.Value;
        Assert.Equal(0.0524m, Math.Round(irr, 4));
        Assert.True(Math.Abs(CashFlows.NpvYearZeroUndiscounted(irr, flows)) < 0.001m);
    }

    [Fact]
    public void InternalRateOfReturn_NoSignChange_IsNull() =>
        Assert.Null(CashFlows.InternalRateOfReturn([10m, 20m]));

    [FsCheck.Xunit.Property]
    public bool PresentValue_IsMonotoneInTheRate(int seed)
    {
        var r = new Random(seed);
        var flows = Enumerable.Range(0, 1 + r.Next(20)).Select(_ => (decimal)r.Next(0, 10000)).ToArray();
        return CashFlows.NpvYearZeroUndiscounted(0.05m, flows) <= CashFlows.NpvYearZeroUndiscounted(0.03m, flows);
    }
}
