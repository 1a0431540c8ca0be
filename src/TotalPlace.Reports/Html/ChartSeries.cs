namespace TotalPlace.Reports.Html;

/// <summary>One named series of a chart; <paramref name="Values"/> are pounds, one a category.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Values);
