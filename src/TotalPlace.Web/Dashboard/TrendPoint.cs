namespace TotalPlace.Web.Dashboard;

/// <summary>A year's total and per-head figure on the year-on-year trend.</summary>
public sealed record TrendPoint(string Year, decimal Amount, decimal? PerHead, decimal? ChangeFromPrevious);
