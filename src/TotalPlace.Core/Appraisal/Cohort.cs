namespace TotalPlace.Core.Appraisal;

/// <summary>A cohort of people referred to a proposal in one year.</summary>
/// <param name="Year">The intake year index t (0 = the proposal's first year).</param>
/// <param name="Referrals">How many people are referred.</param>
public sealed record Cohort(int Year, decimal Referrals);
