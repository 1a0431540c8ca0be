namespace TotalPlace.Core.Appraisal;

/// <summary>A value line's figure before uprating, with where it came from.</summary>
/// <param name="Amount">Pounds at <paramref name="PriceYear"/> prices.</param>
/// <param name="PriceYear">The prices of the amount.</param>
/// <param name="Reference">The unit cost code, or "local".</param>
/// <param name="Edition">The database edition ("UCD v1.4"), or "local".</param>
/// <param name="Source">The evidence cited.</param>
public sealed record ResolvedValue(decimal Amount, FiscalYear PriceYear, string Reference, string Edition, string Source);
