namespace TotalPlace.Core.Partnership;

/// <summary>How risk (overspends) or savings are divided between the partners of a pool.</summary>
public enum ShareRuleKind
{
    /// <summary>In proportion to each partner's total contribution to the pool over the term, cash and in kind.</summary>
    ProportionalToContribution = 0,

    /// <summary>Fixed fractions agreed by the partners, which must add up to one.</summary>
    FixedShares,

    /// <summary>
    /// Savings go back to the partners that paid for the work, in proportion to the costs each has borne
    /// (from the attached appraisals) up to and including the year the savings arise.
    /// </summary>
    BenefitFollowsPayer,
}
