using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Partnership;

namespace TotalPlace.Core.Tests.Partnership;

public sealed class AppraisalAdapterTests
{
    private static AppraisalResult Appraise(string file) =>
        Appraiser.Default.Appraise(ProposalParser.Parse(File.ReadAllText(RepoFiles.Path($"samples/proposals/{file}"))).Value);

    [Theory]
    [InlineData("neet-into-construction.json")]
    [InlineData("jsa-claimants-into-work.json")]
    public void From_DiscountedFlowsPerAgency_MatchTheEnginesByAgencyPresentValues(string file)
    {
        var result = Appraise(file);

        var reference = AppraisalAdapter.From("p-1", result);

        var factors = result.Years.ToDictionary(y => y.FiscalYear, y => y.DiscountFactor);
        foreach (var line in result.ByAgency)
        {
            var flows = reference.ByAgency.Where(f => f.Agency == line.Agency).ToList();
            Assert.Equal(line.PvFiscalBenefits, flows.Sum(f => f.Benefit.Pounds * factors[f.Year]), 10);
            Assert.Equal(line.PvCosts, flows.Sum(f => f.Cost.Pounds * factors[f.Year]), 10);
        }

        Assert.Equal(result.Proposal.Name, reference.ProposalName);
        Assert.Contains("Fiscal NPV", reference.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void From_ResultAttachedToAnOffer_CanBeSharedBetweenItsAgencies()
    {
        var reference = AppraisalAdapter.From("p-1", Appraise("neet-into-construction.json"));
        var agencies = reference.ByAgency.Select(f => f.Agency).Distinct().ToList();
        var pool = new Pool(PoolKind.Aligned, agencies[0], new Dictionary<FiscalYear, Money>(), [], ShareRule.Proportional, ShareRule.BenefitFollowsPayer);

        var shared = SavingsDistributor.Distribute(reference.ByAgency, pool, agencies);

        foreach (var year in shared.Years)
        {
            Assert.Equal(
                Money.Sum(reference.ByAgency.Where(f => f.Year == year).Select(f => f.Benefit)).RoundedToPenny(),
                shared.SharedIn(year));
        }
    }
}
