namespace TotalPlace.Web.Dashboard;

/// <summary>One place in a comparison: its total, per head, and per head by theme name.</summary>
public sealed record ComparePlace(
    PlaceSummary Place,
    string? Year,
    decimal Total,
    decimal? PerHead,
    IReadOnlyDictionary<string, decimal?> PerHeadByTheme);
