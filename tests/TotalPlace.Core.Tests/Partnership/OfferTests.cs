using TotalPlace.Core.Partnership;

namespace TotalPlace.Core.Tests.Partnership;

public sealed class OfferTests
{
    [Fact]
    public void AddOutcome_TenOutcomes_AreAccepted()
    {
        var offer = new OfferBuilder().WithOutcomes(10).Build();

        Assert.Equal(Offer.MaxOutcomes, offer.Outcomes.Count);
    }

    [Fact]
    public void AddOutcome_EleventhOutcome_ThrowsDomainErrorThatStatesTheLimit()
    {
        var offer = new OfferBuilder().WithOutcomes(10).Build();

        var error = Assert.Throws<PartnershipDomainException>(() => offer.AddOutcome(OfferBuilder.AnOutcome("Outcome 11")));

        Assert.Contains("at most 10 outcomes", error.Message, StringComparison.Ordinal);
        Assert.Contains("Outcome 11", error.Message, StringComparison.Ordinal);
        Assert.Equal(10, offer.Outcomes.Count);
    }

    [Fact]
    public void AddOutcome_DuplicateName_Throws()
    {
        var offer = new OfferBuilder().WithOutcomes(1).Build();

        Assert.Throws<PartnershipDomainException>(() => offer.AddOutcome(OfferBuilder.AnOutcome("Outcome 1")));
    }

    [Fact]
    public void Constructor_NoInterimDate_DefaultsTo18MonthsAndThreeYearTerm()
    {
        var offer = new OfferBuilder().Build();

        Assert.Equal(3, offer.TermYears);
        Assert.Equal(new DateOnly(2028, 10, 1), offer.InterimReportDate);
        Assert.Equal(new DateOnly(2030, 3, 31), offer.EndDate);
        Assert.Equal(["2027-28", "2028-29", "2029-30"], offer.TermFiscalYears.Select(y => y.ToString()));
    }

    [Fact]
    public void MoveTo_FollowsTheLifecycle_FromDraftToClosed()
    {
        var offer = new OfferBuilder().Build();

        offer.MoveTo(OfferStatus.Submitted);
        offer.MoveTo(OfferStatus.Agreed);
        offer.MoveTo(OfferStatus.InDelivery);
        offer.MoveTo(OfferStatus.Closed);

        Assert.Equal(OfferStatus.Closed, offer.Status);
    }

    [Theory]
    [InlineData(OfferStatus.Agreed)]
    [InlineData(OfferStatus.InDelivery)]
    [InlineData(OfferStatus.Closed)]
    public void MoveTo_SkippingAStep_IsRefused(OfferStatus next)
    {
        var offer = new OfferBuilder().Build();

        var error = Assert.Throws<PartnershipDomainException>(() => offer.MoveTo(next));

        Assert.Contains("Draft", error.Message, StringComparison.Ordinal);
        Assert.Equal(OfferStatus.Draft, offer.Status);
    }

    [Fact]
    public void MoveTo_FromClosed_IsRefused()
    {
        var offer = new OfferBuilder().Build();
        foreach (var s in new[] { OfferStatus.Submitted, OfferStatus.Agreed, OfferStatus.InDelivery, OfferStatus.Closed })
        {
            offer.MoveTo(s);
        }

        foreach (var next in Enum.GetValues<OfferStatus>())
        {
            Assert.False(offer.CanMoveTo(next));
        }
    }

    [Fact]
    public void MoveTo_SubmittedWithIssues_IsRefusedAndCarriesEveryIssue()
    {
        var offer = new OfferBuilder().WithOutcomes(0).WithoutAppraisal().Build();

        var error = Assert.Throws<PartnershipDomainException>(() => offer.MoveTo(OfferStatus.Submitted));

        Assert.Equal(OfferValidator.Validate(offer), error.Issues);
        Assert.Equal(2, error.Issues.Count);
        Assert.Equal(OfferStatus.Draft, offer.Status);
    }

    [Fact]
    public void RecordActual_UnknownOutcome_Throws()
    {
        var offer = new OfferBuilder().Build();

        Assert.Throws<PartnershipDomainException>(() => offer.RecordActual(new OutcomeActual("Nope", 1m, new DateOnly(2028, 1, 1))));
    }
}
