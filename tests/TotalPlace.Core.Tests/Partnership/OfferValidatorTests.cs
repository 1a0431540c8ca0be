using TotalPlace.Core.Partnership;

namespace TotalPlace.Core.Tests.Partnership;

public sealed class OfferValidatorTests
{
    [Fact]
    public void Validate_CompleteOffer_HasNoIssues()
    {
        Assert.Empty(OfferValidator.Validate(new OfferBuilder().Build()));
    }

    [Fact]
    public void Validate_NoOutcomes_ReportsOutcomesPath()
    {
        var issues = OfferValidator.Validate(new OfferBuilder().WithOutcomes(0).Build());

        var issue = Assert.Single(issues);
        Assert.Equal("$.outcomes", issue.Path);
        Assert.Equal("outcomes.none", issue.Code);
    }

    [Fact]
    public void Validate_TargetWithoutBaseline_ReportsEachOutcomesBaseline()
    {
        var issues = OfferValidator.Validate(new OfferBuilder().WithOutcomes(2).WithoutBaselines().Build());

        Assert.Equal(["$.outcomes[0].baseline", "$.outcomes[1].baseline"], issues.Select(i => i.Path));
        Assert.All(issues, i => Assert.Equal("outcome.baseline-missing", i.Code));
    }

    [Fact]
    public void Validate_ContributionsNotAddingUpToPool_ReportsTheYearAndDifference()
    {
        var issues = OfferValidator.Validate(new OfferBuilder().WithStatedPoolTotal(650m).Build());

        var issue = Assert.Single(issues);
        Assert.Equal("$.pool.totals[\"2027-28\"]", issue.Path);
        Assert.Contains("£600.00", issue.Message, StringComparison.Ordinal);
        Assert.Contains("£650.00", issue.Message, StringComparison.Ordinal);
        Assert.Contains("£50.00", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PartnersWithoutSignatory_ReportsEveryPartner()
    {
        var issues = OfferValidator.Validate(new OfferBuilder().WithoutSignatories().Build());

        Assert.Equal(["$.partners[0].signatories", "$.partners[1].signatories", "$.partners[2].signatories"], issues.Select(i => i.Path));
    }

    [Fact]
    public void Validate_InnovativePolicyOfferWithoutDomain_ReportsPolicyDomain()
    {
        var issues = OfferValidator.Validate(new OfferBuilder().InnovativePolicy(null).Build());

        Assert.Equal("$.policyDomain", Assert.Single(issues).Path);
    }

    [Fact]
    public void Validate_InnovativePolicyOfferWithDomain_HasNoIssues()
    {
        Assert.Empty(OfferValidator.Validate(new OfferBuilder().InnovativePolicy("worklessness and skills").Build()));
    }

    [Fact]
    public void Validate_NoAppraisal_ReportsAppraisals()
    {
        var issues = OfferValidator.Validate(new OfferBuilder().WithoutAppraisal().Build());

        Assert.Equal("offer.appraisal-missing", Assert.Single(issues).Code);
    }

    [Fact]
    public void Validate_ManyProblems_ListsThemAllAtOnce()
    {
        var offer = new OfferBuilder()
            .InnovativePolicy(" ")
            .WithOutcomes(0)
            .WithoutSignatories()
            .WithoutAppraisal()
            .WithStatedPoolTotal(1m)
            .Build();

        var codes = OfferValidator.Validate(offer).Select(i => i.Code).ToList();

        Assert.Equal(
            ["offer.domain-missing", "partner.signatory-missing", "partner.signatory-missing", "partner.signatory-missing",
             "pool.contributions-mismatch", "outcomes.none", "offer.appraisal-missing"],
            codes);
    }

    [Fact]
    public void Validate_FixedSharesNotAddingToOne_IsReported()
    {
        var rule = ShareRule.Fixed(new Dictionary<string, decimal>
        {
            [OfferBuilder.Council] = 0.5m,
            [OfferBuilder.Nhs] = 0.3m,
            [OfferBuilder.Dwp] = 0.1m,
        });

        var issue = Assert.Single(OfferValidator.Validate(new OfferBuilder().SharingSavings(rule).Build()));

        Assert.Equal("$.pool.savingsShare.shares", issue.Path);
        Assert.Contains("0.9", issue.Message, StringComparison.Ordinal);
    }
}
