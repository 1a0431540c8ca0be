using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Appraisal.Uncertainty;

namespace TotalPlace.Core.Tests.Appraisal;

public sealed class UncertaintyTests
{
    private static Proposal Uncertain(decimal spread) => Samples.Jsa with
    {
        Uncertainty =
        [
            new UncertainInput("outcomes[0].success", Distribution.Pert(0.3m - spread, 0.3m, 0.3m + spread)),
            new UncertainInput("outcomes[0].deadweight", Distribution.Triangular(0.2m - spread, 0.2m, 0.2m + spread)),
            new UncertainInput("outcomes[0].drop_off", Distribution.Uniform(0.2m - spread, 0.2m + spread)),
            new UncertainInput("costs[0].amount", Distribution.Normal(1500m, 1000m * spread, 1500m - 2000m * spread, 1500m + 2000m * spread)),
            new UncertainInput("outcomes[0].values[0].amount", Distribution.Triangular(9234m * (1 - spread), 9234m, 9234m * (1 + spread))),
            new UncertainInput("outcomes[0].values[2].optimism_bias", Distribution.Fixed(0.15m)),
        ],
    };

    [Fact]
    public void Run_SameSeed_GivesTheSameResultOnAnyNumberOfCores()
    {
        var p = Uncertain(0.1m);
        var a = MonteCarlo.Run(p, Appraiser.Default, 50_000, seed: 42, cancellationToken: TestContext.Current.CancellationToken);
        var b = MonteCarlo.Run(p, Appraiser.Default, 50_000, seed: 42, maxDegreeOfParallelism: 1, cancellationToken: TestContext.Current.CancellationToken);
        var c = MonteCarlo.Run(p, Appraiser.Default, 50_000, seed: 43, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(a with { Inputs = [] }, b with { Inputs = [] });
        Assert.NotEqual(a.NpvFiscal, c.NpvFiscal);
    }

    [Fact]
    public void Run_SpreadsShrinkingToZero_P50ConvergesToTheDeterministicNpv()
    {
        var deterministic = (double)Appraiser.Default.Appraise(Samples.Jsa).NpvFiscal;
        var errors = new[] { 0.1m, 0.01m, 0.0001m, 0.000001m }.Select(s =>
            Math.Abs(MonteCarlo.Run(Uncertain(s), Appraiser.Default, 20_000, seed: 7, cancellationToken: TestContext.Current.CancellationToken).NpvFiscal.P50 - deterministic)).ToArray();
        Assert.True(errors[0] > errors[1] && errors[1] > errors[2] && errors[2] > errors[3], string.Join(", ", errors));
        Assert.True(errors[3] < 0.05, $"P50 is {errors[3]} pounds from the deterministic NPV");
    }

    [Fact]
    public void Run_NoSpread_EqualsTheDeterministicFiguresToAPenny()
    {
        var det = Appraiser.Default.Appraise(Samples.Jsa);
        var mc = MonteCarlo.Run(Samples.Jsa, Appraiser.Default, 100, seed: 1, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal((double)det.NpvFiscal, mc.NpvFiscal.P50, 0.005);
        Assert.Equal((double)det.NpvPublicValue, mc.NpvPublicValue.P90, 0.005);
        Assert.Equal((double)det.RoiFiscal!.Value, mc.RoiFiscal.Mean, 1e-9);
        Assert.Equal(1.0, mc.ProbabilityNpvFiscalPositive);
    }

    [Fact]
    public void Run_CompiledModel_AgreesWithTheNaiveDecimalSimulation()
    {
        var p = Uncertain(0.1m);
        var fast = MonteCarlo.Run(p, Appraiser.Default, 300, seed: 9, cancellationToken: TestContext.Current.CancellationToken);
        var naive = MonteCarlo.RunNaive(p, Appraiser.Default, 300, seed: 9);
        Assert.Equal(naive.NpvFiscal.P10, fast.NpvFiscal.P10, 1e-4);
        Assert.Equal(naive.NpvPublicValue.P90, fast.NpvPublicValue.P90, 1e-4);
        Assert.Equal(naive.ProbabilityNpvFiscalPositive, fast.ProbabilityNpvFiscalPositive);
    }

    [Fact]
    public void Run_Bands_AreOrdered()
    {
        var mc = MonteCarlo.Run(Uncertain(0.1m), Appraiser.Default, 10_000, seed: 3, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(mc.NpvFiscal.P10 < mc.NpvFiscal.P50 && mc.NpvFiscal.P50 < mc.NpvFiscal.P90);
        Assert.InRange(mc.ProbabilityNpvFiscalPositive, 0.0, 1.0);
    }

    [Fact]
    public void SwitchingValues_ReappraisedAtTheSwitchingValue_NpvIsZero()
    {
        var appraiser = Appraiser.Default;
        var values = SwitchingValues.Compute(Samples.Jsa, appraiser);
        var success = values.Single(v => v.Path == "outcomes[0].success");
        Assert.NotNull(success.Value);
        Assert.True(success.Value < 0.3m);
        foreach (var v in values.Where(v => v.Value is not null))
        {
            var npv = appraiser.Appraise(ProposalInputs.With(Samples.Jsa, v.Path, v.Value!.Value, appraiser)).NpvFiscal;
            Assert.True(Math.Abs(npv) < 0.01m, $"{v.Path} = {v.Value} leaves NPV {npv}");
        }

        // The economic value does not enter the fiscal case, so no value of it switches the fiscal NPV.
        Assert.Null(values.Single(v => v.Path == "outcomes[0].values[2].amount").Value);
    }

    [Fact]
    public void SwitchingValues_DropOff_IsFoundDespiteCurvature()
    {
        var appraiser = Appraiser.Default;
        var p = Samples.Jsa with { Costs = [.. Samples.Jsa.Costs, new CostLine { Agency = "LA", Amount = 300_000m, Year = 0 }] };
        var dropOff = SwitchingValues.Compute(p, appraiser, ["outcomes[0].drop_off"]).Single();
        Assert.NotNull(dropOff.Value);
        Assert.InRange(dropOff.Value!.Value, 0.2m, 1m);
        var npv = appraiser.Appraise(ProposalInputs.With(p, dropOff.Path, dropOff.Value.Value, appraiser)).NpvFiscal;
        Assert.True(Math.Abs(npv) < 0.005m, $"NPV {npv}");
    }

    [Fact]
    public void Tornado_BarsAreWidestFirstAndStartFromTheBase()
    {
        var bars = Tornado.Compute(Uncertain(0.1m), Appraiser.Default);
        Assert.Equal(bars.OrderByDescending(b => b.Swing).Select(b => b.Path), bars.Select(b => b.Path));
        var success = bars.Single(b => b.Path == "outcomes[0].success");
        Assert.True(success.NpvFiscalAtHigh > success.NpvFiscalAtLow);
        Assert.DoesNotContain(bars, b => b.Path == "outcomes[0].values[2].optimism_bias");
    }

    [Fact]
    public void Tornado_NoDistributions_UsesTenPercentSwings()
    {
        var bars = Tornado.Compute(Samples.Jsa, Appraiser.Default);
        var engagement = bars.Single(b => b.Path == "engagement");
        Assert.Equal(0.63m, engagement.Low);
        Assert.Equal(0.77m, engagement.High);
    }
}
