namespace TotalPlace.Core.Partnership.Tracking;

/// <summary>Spend against the pool in one financial year.</summary>
/// <param name="Year">The financial year.</param>
/// <param name="Budget">What the partners contributed for that year (cash and in kind).</param>
/// <param name="Spent">Spend recorded against the pool for that year.</param>
public sealed record PoolYearPosition(FiscalYear Year, Money Budget, Money Spent)
{
    /// <summary>Budget left (negative when overspent).</summary>
    public Money Remaining => Budget - Spent;
}
