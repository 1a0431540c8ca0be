namespace TotalPlace.Core.Partnership;

/// <summary>One partner's position in one year: the savings that fall in its budget and what it gets back.</summary>
/// <param name="Year">The financial year.</param>
/// <param name="Partner">The partner.</param>
/// <param name="Accrues">The fiscal benefit that lands in this partner's own budget (where the saving falls).</param>
/// <param name="Receives">This partner's share of the year's savings under the pool's rule.</param>
public sealed record SavingsShareLine(FiscalYear Year, string Partner, Money Accrues, Money Receives)
{
    /// <summary>What must move to (positive) or from (negative) this partner to settle the "wrong pocket".</summary>
    public Money Transfer => Receives - Accrues;
}
