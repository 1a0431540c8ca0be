namespace TotalPlace.Core.Partnership;

/// <summary>One agency's fiscal benefit (cashable saving) and cost in one financial year, from an appraisal.</summary>
/// <param name="Agency">The agency whose budget the benefit falls in or the cost falls on.</param>
/// <param name="Year">The financial year.</param>
/// <param name="Benefit">The fiscal benefit to that agency in that year (nominal pounds).</param>
/// <param name="Cost">The cost that agency bears in that year.</param>
public sealed record AgencyFiscalFlow(string Agency, FiscalYear Year, Money Benefit, Money Cost);
