namespace TotalPlace.Core.Partnership;

/// <summary>An appraisal attached to an offer by reference, with a summary of its results by agency and year.</summary>
/// <remarks>The offer keeps only the figures it needs (fiscal benefits and costs by agency and year) so it can
/// share savings; the full cost-benefit analysis stays with the appraisal, found by <see cref="ProposalId"/>.</remarks>
/// <param name="ProposalId">The proposal's identifier in the appraisal engine or store.</param>
/// <param name="ProposalName">The proposal's name.</param>
/// <param name="Summary">One or two sentences: net present value, benefit-cost ratio, payback.</param>
/// <param name="ByAgency">Fiscal benefits and costs by agency and year.</param>
public sealed record AppraisalReference(
    string ProposalId,
    string ProposalName,
    string Summary,
    IReadOnlyList<AgencyFiscalFlow> ByAgency)
{
    /// <summary>All fiscal benefits.</summary>
    public Money TotalBenefit => Money.Sum(ByAgency.Select(f => f.Benefit));

    /// <summary>All costs.</summary>
    public Money TotalCost => Money.Sum(ByAgency.Select(f => f.Cost));
}
