using FsCheck.Fluent;
using TotalPlace.Core;
using TotalPlace.Core.Appraisal;

namespace TotalPlace.Reports.Tests.Appraisal;

/// <summary>Random proposals that pass <see cref="Appraiser.Validate"/>: every cost basis, benefit type, transfer and
/// cashable share, lags, durations and drop-offs (including 0 and 1), price years before the base, every schedule.</summary>
internal static class ProposalGenerator
{
    private static readonly FiscalYear s_base = FiscalYear.Parse("2015-16");
    private static readonly string[] s_agencies = ["DWP", "NHS", "Local authority", "Police", ""];

    private static FsCheck.Gen<decimal> Rate(int maxPercent) => Gen.Choose(0, maxPercent * 10).Select(v => v / 1000m);

    private static FsCheck.Gen<decimal> Pounds(int max) => Gen.Choose(0, max * 100).Select(v => v / 100m);

    private static FsCheck.Gen<FiscalYear> PriceYear => Gen.Choose(0, 3).Select(back => s_base.PlusYears(-back));

    public static FsCheck.Gen<Proposal> Proposals =>
        from horizon in Gen.Choose(1, 12)
        from discount in Gen.Elements(DiscountKind.Standard, DiscountKind.Health, DiscountKind.Sensitivity)
        from engagement in Rate(100)
        from cohortCount in Gen.Choose(0, 3)
        from cohorts in Gen.Zip(Gen.Choose(0, horizon - 1), Gen.Choose(0, 500)).Select(c => new Cohort(c.Item1, c.Item2)).ArrayOf(cohortCount)
        from costCount in Gen.Choose(0, 3)
        from costs in Cost(horizon).ArrayOf(costCount)
        from outcomeCount in Gen.Choose(0, 3)
        from outcomes in Outcome.ArrayOf(outcomeCount)
        select new Proposal
        {
            Name = "Generated proposal",
            PriceBase = s_base,
            StartYear = FiscalYear.Parse("2016-17"),
            HorizonYears = horizon,
            Discount = discount,
            Engagement = engagement,
            Cohorts = cohorts,
            Costs = costs,
            Outcomes = outcomes,
        };

    private static FsCheck.Gen<CostLine> Cost(int horizon) =>
        from per in Gen.Elements(CostBasis.Fixed, CostBasis.Referral, CostBasis.Engaged)
        from year in Gen.Choose(-1, horizon - 1)
        from amount in Pounds(100_000)
        from priceYear in PriceYear
        from ob in Rate(60)
        from agency in Gen.Elements(s_agencies[..4])
        select new CostLine
        {
            Agency = agency,
            Per = per,
            Year = per == CostBasis.Fixed ? Math.Max(0, year) : year < 0 ? null : year,
            Amount = amount,
            PriceYear = priceYear,
            OptimismBias = ob,
        };

    private static FsCheck.Gen<Outcome> Outcome =>
        from success in Rate(100)
        from deadweight in Rate(100)
        from attribution in Rate(60)
        from displacement in Rate(60)
        from lag in Gen.Choose(0, 2)
        from duration in Gen.Choose(1, 5)
        from dropOff in Gen.OneOf(Gen.Constant(0m), Gen.Constant(1m), Rate(100))
        from valueCount in Gen.Choose(1, 3)
        from values in Value.ArrayOf(valueCount)
        select new Outcome
        {
            Name = "Outcome",
            Success = success,
            Deadweight = deadweight,
            Attribution = attribution,
            Displacement = displacement,
            LagYears = lag,
            DurationYears = duration,
            DropOff = dropOff,
            Values = values,
        };

    private static FsCheck.Gen<ValueLine> Value =>
        from type in Gen.Elements(BenefitType.Fiscal, BenefitType.Economic, BenefitType.Social)
        from agency in Gen.Elements(s_agencies)
        from transfer in Gen.Elements(true, false)
        from cashable in Rate(100)
        from amount in Pounds(20_000)
        from priceYear in PriceYear
        from ob in Rate(40)
        select new ValueLine
        {
            Amount = amount,
            PriceYear = priceYear,
            Source = "generated",
            Type = type,
            Agency = agency,
            Transfer = transfer && type == BenefitType.Fiscal,
            Cashable = cashable,
            OptimismBias = ob,
        };
}
