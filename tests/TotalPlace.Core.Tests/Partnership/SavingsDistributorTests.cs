using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TotalPlace.Core.Partnership;
using TotalPlace.Core.Partnership.Files;

namespace TotalPlace.Core.Tests.Partnership;

public sealed class SavingsDistributorTests
{
    private static readonly FiscalYear s_y1 = FiscalYear.Parse("2027-28");
    private static readonly FiscalYear s_y2 = FiscalYear.Parse("2028-29");

    private static Pool PoolWith(ShareRule savings, params Contribution[] contributions) =>
        new(PoolKind.Pooled, "A", new Dictionary<FiscalYear, Money>(), contributions, ShareRule.Proportional, savings);

    [Fact]
    public void Distribute_Proportional_SharesByTermContributionsAndShowsTransfers()
    {
        // A pays in 3 parts, B 1 part; all the saving (£1,000) lands with B: the wrong pocket.
        var pool = PoolWith(
            ShareRule.Proportional,
            new Contribution("A", s_y1, Money.FromPounds(300m), Money.Zero),
            new Contribution("B", s_y1, Money.FromPounds(50m), Money.FromPounds(50m)));
        AgencyFiscalFlow[] flows = [new("B", s_y1, Money.FromPounds(1000m), Money.Zero)];

        var result = SavingsDistributor.Distribute(flows, pool, ["A", "B"]);

        Assert.Equal([750m, 250m], result.Lines.Select(l => l.Receives.Pounds));
        Assert.Equal([0m, 1000m], result.Lines.Select(l => l.Accrues.Pounds));
        Assert.Equal([750m, -750m], result.Lines.Select(l => l.Transfer.Pounds));
    }

    [Fact]
    public void Distribute_Fixed_UsesTheAgreedFractionsEachYear()
    {
        var pool = PoolWith(ShareRule.Fixed(new Dictionary<string, decimal> { ["A"] = 0.7m, ["B"] = 0.3m }));
        AgencyFiscalFlow[] flows =
        [
            new("A", s_y1, Money.FromPounds(10m), Money.Zero),
            new("B", s_y2, Money.FromPounds(100m), Money.Zero),
        ];

        var result = SavingsDistributor.Distribute(flows, pool, ["A", "B"]);

        Assert.Equal([s_y1, s_y2], result.Years);
        Assert.Equal([7m, 3m, 70m, 30m], result.Lines.Select(l => l.Receives.Pounds));
    }

    [Fact]
    public void Distribute_BenefitFollowsPayer_SharesByCostsBorneToDate()
    {
        var pool = PoolWith(ShareRule.BenefitFollowsPayer);
        AgencyFiscalFlow[] flows =
        [
            new("A", s_y1, Money.Zero, Money.FromPounds(100m)),
            new("B", s_y1, Money.FromPounds(60m), Money.Zero),
            new("B", s_y2, Money.FromPounds(60m), Money.FromPounds(100m)),
        ];

        var result = SavingsDistributor.Distribute(flows, pool, ["A", "B"]);

        // Year 1: only A has paid, so A gets it all; year 2: each has paid £100 to date, so half each.
        Assert.Equal([60m, 0m, 30m, 30m], result.Lines.Select(l => l.Receives.Pounds));
    }

    [Fact]
    public void Distribute_BenefitToNonPartner_IsListedButNotShared()
    {
        var pool = PoolWith(ShareRule.Fixed(new Dictionary<string, decimal> { ["A"] = 1m }));
        AgencyFiscalFlow[] flows =
        [
            new("A", s_y1, Money.FromPounds(10m), Money.Zero),
            new("HM Treasury", s_y1, Money.FromPounds(99m), Money.Zero),
        ];

        var result = SavingsDistributor.Distribute(flows, pool, ["A"]);

        Assert.Equal(10m, result.Total.Pounds);
        Assert.Equal("HM Treasury", Assert.Single(result.OutsidePartnership).Agency);
    }

    [Fact]
    public void Distribute_NoContributions_ThrowsDomainError()
    {
        var pool = PoolWith(ShareRule.Proportional);
        AgencyFiscalFlow[] flows = [new("A", s_y1, Money.FromPounds(10m), Money.Zero)];

        var error = Assert.Throws<PartnershipDomainException>(() => SavingsDistributor.Distribute(flows, pool, ["A"]));

        Assert.Contains("2027-28", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Distribute_SampleOffer_EachYearReconcilesToThePartnersBenefits()
    {
        var offer = OfferFile.Parse(File.ReadAllText(RepoFiles.SampleOffer)).Offer!;
        var flows = offer.Appraisals.SelectMany(a => a.ByAgency).ToList();
        var partners = offer.Partners.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        var result = SavingsDistributor.Distribute(offer);

        foreach (var year in result.Years)
        {
            var expected = flows.Where(f => f.Year == year && partners.Contains(f.Agency)).Sum(f => f.Benefit.Pounds);
            Assert.Equal(expected, result.SharedIn(year).Pounds);
            Assert.Equal(expected * 0.30m, result.Lines.Single(l => l.Year == year && l.Partner == "Manchester City Council").Receives.Pounds);
        }

        Assert.Equal(0m, result.Lines.Sum(l => l.Transfer.Pounds));
    }

    [Property]
    public Property Distribute_AnyRule_SharesSumToEachYearsPartnerBenefitsToThePenny()
    {
        string[] partners = ["A", "B", "C", "D"];
        var flowGen =
            from agency in Gen.Elements("A", "B", "C", "D", "Outsider")
            from year in Gen.Choose(2027, 2031)
            from benefitPence in Gen.Choose(-1_000_000, int.MaxValue)
            from fraction in Gen.Choose(0, 9)
            from costPence in Gen.Choose(1, int.MaxValue)
            select new AgencyFiscalFlow(
                agency,
                FiscalYear.StartingIn(year),
                Money.FromPounds((benefitPence / 100m) + (fraction / 1000m)),
                Money.FromPence(costPence));
        var ruleGen = Gen.Elements(
            ShareRule.Proportional,
            ShareRule.BenefitFollowsPayer,
            ShareRule.Fixed(new Dictionary<string, decimal> { ["A"] = 0.125m, ["B"] = 0.375m, ["C"] = 0.5m }));
        var gen =
            from flows in Gen.NonEmptyListOf(flowGen)
            from rule in ruleGen
            from contributions in Gen.ArrayOf(Gen.Choose(1, 1_000_000), 4)
            select (flows, rule, contributions);

        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (flows, rule, contributions) = t;
            var inside = flows.Where(f => f.Agency != "Outsider").ToList();
            if (rule.Kind == ShareRuleKind.BenefitFollowsPayer && inside.Count == 0)
            {
                return true;
            }

            var pool = PoolWith(rule, [.. partners.Select((p, i) => new Contribution(p, s_y1, Money.FromPounds(contributions[i]), Money.Zero))]);

            var result = SavingsDistributor.Distribute(flows, pool, partners);

            return result.Years.All(y =>
                result.SharedIn(y) == Money.Sum(inside.Where(f => f.Year == y).Select(f => f.Benefit)).RoundedToPenny());
        });
    }
}
