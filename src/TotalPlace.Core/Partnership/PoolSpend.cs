namespace TotalPlace.Core.Partnership;

/// <summary>What was spent from the pool in a financial year (to date, for the current year).</summary>
/// <param name="Year">The financial year.</param>
/// <param name="Amount">Spend recorded against the pool.</param>
public sealed record PoolSpend(FiscalYear Year, Money Amount);
