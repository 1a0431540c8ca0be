namespace TotalPlace.Core.Appraisal.Portfolio;

/// <summary>The limits of a fund: a budget per year (one amount for every year, or year by year) and per-partner limits.</summary>
/// <param name="BudgetEveryYear">The most the chosen proposals may cost in any one year; null for no single limit.</param>
/// <param name="BudgetByYear">Year-specific budgets, overriding <paramref name="BudgetEveryYear"/>.</param>
/// <param name="PartnerLimits">The most each named partner may contribute in total across the chosen proposals.</param>
public sealed record PortfolioConstraints(decimal? BudgetEveryYear, IReadOnlyDictionary<FiscalYear, decimal>? BudgetByYear = null,
    IReadOnlyDictionary<string, decimal>? PartnerLimits = null)
{
    /// <summary>The budget of <paramref name="year"/>, or null when unlimited.</summary>
    public decimal? BudgetFor(FiscalYear year) =>
        BudgetByYear is not null && BudgetByYear.TryGetValue(year, out var b) ? b : BudgetEveryYear;
}
