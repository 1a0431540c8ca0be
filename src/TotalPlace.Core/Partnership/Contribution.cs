namespace TotalPlace.Core.Partnership;

/// <summary>What one partner puts into a pool in one financial year.</summary>
/// <param name="Partner">The partner's name, as in <see cref="Offer.Partners"/>.</param>
/// <param name="Year">The financial year.</param>
/// <param name="Cash">Money paid in (or, for an aligned budget, committed).</param>
/// <param name="InKind">The value of staff, buildings or services given instead of money.</param>
/// <param name="InKindDescription">What the in-kind contribution is, for the MoU.</param>
public sealed record Contribution(string Partner, FiscalYear Year, Money Cash, Money InKind, string? InKindDescription = null)
{
    /// <summary>Cash and in kind together.</summary>
    public Money Total => Cash + InKind;
}
