using FsCheck.Xunit;
using TotalPlace.Core.Appraisal;

namespace TotalPlace.Core.Tests.Appraisal;

public sealed class AppraisalPropertyTests
{
    private static Proposal WithValue(decimal amount, decimal deadweight = 0.2m)
    {
        var p = Samples.Jsa;
        var line = new ValueLine { Amount = amount, PriceYear = FiscalYear.Parse("2013-14"), Source = "test", Type = BenefitType.Fiscal, Agency = "NHS" };
        return p with { Outcomes = [p.Outcomes[0] with { Values = [line], Deadweight = deadweight }] };
    }

    private static Proposal Random(int seed)
    {
        var r = new Random(seed);
        decimal Rate(int max = 100) => r.Next(0, max + 1) / 100m;
        var n = 1 + r.Next(12);
        return Samples.Jsa with
        {
            HorizonYears = n,
            Cohorts = Enumerable.Range(0, 1 + r.Next(3)).Select(_ => new Cohort(r.Next(n), r.Next(0, 500))).ToList(),
            Engagement = Rate(),
            Costs = [new CostLine { Agency = "LA", Amount = r.Next(0, 5000), Per = CostBasis.Engaged, OptimismBias = Rate(40) },
                     new CostLine { Agency = "LA", Amount = 1 + r.Next(0, 100000), Per = CostBasis.Fixed, Year = r.Next(n) }],
            Outcomes = [Samples.Jsa.Outcomes[0] with
            {
                Success = Rate(), Deadweight = Rate(), Attribution = Rate(50), DropOff = Rate(), LagYears = r.Next(3), DurationYears = 1 + r.Next(5),
                Values = [new ValueLine { Amount = r.Next(0, 20000), PriceYear = FiscalYear.Parse("2010-11"), Source = "t", Type = BenefitType.Fiscal, Agency = "DWP", OptimismBias = Rate(40) }],
            }],
        };
    }

    [Property]
    public bool Npv_IsLinearInValues(int a, int b)
    {
        decimal x = Math.Abs(a % 100000), y = Math.Abs(b % 100000);
        var appraiser = Appraiser.Default;
        var sum = appraiser.Appraise(WithValue(x + y)).PvFiscal;
        var parts = appraiser.Appraise(WithValue(x)).PvFiscal + appraiser.Appraise(WithValue(y)).PvFiscal;
        var scaled = appraiser.Appraise(WithValue(3m * x)).PvFiscal;
        return Math.Abs(sum - parts) < 1e-12m && Math.Abs(scaled - 3m * appraiser.Appraise(WithValue(x)).PvFiscal) < 1e-12m;
    }

    [Property]
    public bool DoublingDeadweight_NeverRaisesBenefits(int seed)
    {
        var p = Random(seed);
        var dw = Math.Min(p.Outcomes[0].Deadweight, 0.5m);
        var once = p with { Outcomes = [p.Outcomes[0] with { Deadweight = dw }] };
        var twice = p with { Outcomes = [p.Outcomes[0] with { Deadweight = 2m * dw }] };
        return Appraiser.Default.Appraise(twice).PvFiscal <= Appraiser.Default.Appraise(once).PvFiscal;
    }

    [Property]
    public bool RoiAboveOne_ExactlyWhenNpvPositive(int seed)
    {
        var result = Appraiser.Default.Appraise(Random(seed));
        return result.PvCosts == 0m || (result.RoiFiscal > 1m) == (result.NpvFiscal > 0m);
    }

    [Property]
    public bool Trace_AlwaysReconcilesWithThePresentValues(int seed)
    {
        var result = Appraiser.Default.Appraise(Random(seed));
        return Math.Abs(result.Trace.Where(t => t.Kind == "cost").Sum(t => t.PresentValue) - result.PvCosts) < 1e-15m &&
               Math.Abs(result.ByAgency.Sum(a => a.PvFiscalBenefits) - result.PvFiscal) < 1e-15m;
    }
}
