using TotalPlace.Core.Appraisal;

namespace TotalPlace.Core.Tests.Appraisal;

/// <summary>The "JSA claimants into work" vector of cba-method.md, to the penny.</summary>
public sealed class WorkedProposalTests
{
    private readonly AppraisalResult _result = Appraiser.Default.Appraise(Samples.Jsa);

    [Fact]
    public void NetAdditional_PerCohort_Is30Point24And22Point68()
    {
        var p = Samples.Jsa;
        Assert.Equal(30.24m, Appraiser.NetAdditional(p, p.Outcomes[0], p.Cohorts[0]));
        Assert.Equal(22.68m, Appraiser.NetAdditional(p, p.Outcomes[0], p.Cohorts[1]));
    }

    [Fact]
    public void OutcomeYears_MatchTheVector()
    {
        var p = Samples.Jsa;
        Assert.Equal([30.24m, 46.872m, 18.144m, 0m], Appraiser.OutcomeYears(p, p.Outcomes[0]));
    }

    [Fact]
    public void Costs_ByYear_Are286000And173250()
    {
        Assert.Equal(286000.00m, _result.Years[0].Costs);
        Assert.Equal(173250.00m, _result.Years[1].Costs);
        Assert.Equal(0m, _result.Years[2].Costs);
    }

    [Fact]
    public void PresentValues_MatchTheVectorToThePenny()
    {
        Assert.Equal(453391.30m, Samples.Pennies(_result.PvCosts));
        Assert.Equal(764304.90m, Samples.Pennies(_result.ByAgency.Single(a => a.Agency == "DWP").PvFiscalBenefits));
        Assert.Equal(46848.23m, Samples.Pennies(_result.ByAgency.Single(a => a.Agency == "NHS").PvFiscalBenefits));
        Assert.Equal(811153.13m, Samples.Pennies(_result.PvFiscal));
        Assert.Equal(1162432.10m, Samples.Pennies(_result.PvEconomic));
        Assert.Equal(1209280.33m, Samples.Pennies(_result.PvPublicValue));
    }

    [Fact]
    public void NpvAndRoi_MatchTheVector()
    {
        Assert.Equal(357761.83m, Samples.Pennies(_result.NpvFiscal));
        Assert.Equal(1.7891m, Math.Round(_result.RoiFiscal!.Value, 4));
        Assert.Equal(2.6672m, Math.Round(_result.RoiPublicValue!.Value, 4));
        Assert.Equal(Samples.Pennies(_result.PvPublicValue - _result.PvCosts), Samples.Pennies(_result.NpvPublicValue));
    }

    [Fact]
    public void Payback_CumulativeDiscountedFiscalNet_TurnsPositiveInYear1()
    {
        Assert.Equal(-20717.10m, Samples.Pennies(_result.Years[0].CumulativeDiscountedFiscalNet));
        Assert.Equal(209175.17m, Samples.Pennies(_result.Years[1].CumulativeDiscountedFiscalNet));
        Assert.Equal(1, _result.PaybackYearIndex);
        Assert.Equal(FiscalYear.Parse("2016-17"), _result.PaybackFiscalYear);
    }

    [Fact]
    public void ByAgency_LocalAuthorityPaysEverything()
    {
        var la = _result.ByAgency.Single(a => a.Agency == "Local authority");
        Assert.Equal(_result.PvCosts, la.PvCosts);
        Assert.Equal(0m, la.PvFiscalBenefits);
    }

    [Fact]
    public void Trace_EveryBenefitLine_CitesItsUnitCostEditionAndSource()
    {
        var benefits = _result.Trace.Where(t => t.Kind != "cost").ToList();
        Assert.NotEmpty(benefits);
        Assert.All(benefits, t =>
        {
            Assert.StartsWith("E&E1.0", t.Reference, StringComparison.Ordinal);
            Assert.Equal("UCD v1.4", t.Edition);
            Assert.Contains("HC Deb", t.Source, StringComparison.Ordinal);
            Assert.Contains("O_t × v_b × (1 − ob)", t.Rule, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Trace_SumsToEveryYearsTotals()
    {
        foreach (var year in _result.Years)
        {
            var lines = _result.Trace.Where(t => t.T == year.T).ToList();
            Assert.Equal(year.Costs, lines.Where(t => t.Kind == "cost").Sum(t => t.Amount));
            Assert.Equal(year.Fiscal, lines.Where(t => t.Kind == "fiscal").Sum(t => t.Amount));
            Assert.Equal(year.Economic, lines.Where(t => t.Kind == "economic").Sum(t => t.Amount));
        }
    }

    [Fact]
    public void PublicValue_ExcludesTransfers()
    {
        // DWP benefit payments move money between people and the state: fiscal, but not public value.
        var dwp = _result.ByAgency.Single(a => a.Agency == "DWP").PvFiscalBenefits;
        Assert.Equal(dwp, _result.PvFiscalTransfers);
        Assert.Equal(_result.PvFiscal - dwp + _result.PvEconomic, _result.PvPublicValue);

        var p = Samples.Jsa;
        var values = p.Outcomes[0].Values.ToArray();
        values[0] = values[0] with { Transfer = false };
        var notTransfer = Appraiser.Default.Appraise(p with { Outcomes = [p.Outcomes[0] with { Values = values }] });
        Assert.Equal(_result.PvFiscal, notTransfer.PvFiscal);
        Assert.Equal(_result.PvPublicValue + dwp, notTransfer.PvPublicValue);
    }

    [Fact]
    public void Discounting_AcrossTheYear30Step_UsesTheCumulativeFactor()
    {
        var p = Samples.Jsa with
        {
            HorizonYears = 40,
            Costs = [new CostLine { Agency = "LA", Amount = 1000m, Per = CostBasis.Fixed, Year = 31 }],
        };
        var result = Appraiser.Default.Appraise(p);
        Assert.Equal(Math.Round(1000m * DiscountSchedule.Standard.Factor(30) / 1.03m, 20), Math.Round(result.PvCosts, 20));
        Assert.Equal(345.90m, Samples.Pennies(result.PvCosts));
    }

    [Fact]
    public void Payback_FiscalRoiNotAboveOne_IsNull()
    {
        var p = Samples.Jsa with { Costs = [new CostLine { Agency = "LA", Amount = 5_000_000m, Year = 0 }] };
        var result = Appraiser.Default.Appraise(p);
        Assert.True(result.RoiFiscal < 1m);
        Assert.Null(result.PaybackYearIndex);
    }

    [Fact]
    public void Confidence_GradeFromTheTable_SetsTheOptimismBias()
    {
        var p = Samples.Jsa;
        var values = p.Outcomes[0].Values.Select(v => v with { OptimismBias = null, Confidence = "4" }).ToArray();
        var result = Appraiser.Default.Appraise(p with { Outcomes = [p.Outcomes[0] with { Values = values }] });
        // Grade 4 is 15%, the same as the vector's rate.
        Assert.Equal(Samples.Pennies(_result.PvFiscal), Samples.Pennies(result.PvFiscal));
        Assert.Contains(result.Trace, t => t.Rule.Contains("confidence grade 4", StringComparison.Ordinal));
    }

    [Fact]
    public void LocalValue_UpratedFromItsPriceYear()
    {
        var p = Samples.Jsa;
        var local = new ValueLine { Amount = 9800m, PriceYear = FiscalYear.Parse("2012-13"), Source = "test", Type = BenefitType.Fiscal, Agency = "DWP" };
        var result = Appraiser.Default.Appraise(p with { Outcomes = [p.Outcomes[0] with { Values = [local] }] });
        var first = result.Trace.First(t => t.Kind == "fiscal");
        Assert.Equal(Samples.Pennies(30.24m * Deflator.UcdV14.Uprate(9800m, FiscalYear.Parse("2012-13"), FiscalYear.Parse("2015-16"))), Samples.Pennies(first.Amount));
        Assert.Equal("local", first.Edition);
    }
}
