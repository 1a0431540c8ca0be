namespace TotalPlace.Core.Appraisal;

/// <summary>One value of a unit cost entry, in the prices of the year it was published for.</summary>
/// <param name="Amount">The value in pounds at <paramref name="PriceYear"/> prices.</param>
/// <param name="PriceYear">The financial year of the prices.</param>
/// <param name="PublishedUprated">The value the source itself gives at its own target prices (UCD: 2015/16), when it gives one.</param>
public sealed record UnitCostValue(decimal Amount, FiscalYear PriceYear, decimal? PublishedUprated = null);
