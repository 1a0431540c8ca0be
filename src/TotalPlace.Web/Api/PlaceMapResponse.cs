namespace TotalPlace.Web.Api;

/// <summary>The place map as JSON: the grand total (pounds and pence, exact) and one row per group.</summary>
public sealed record PlaceMapResponse(
    string Place,
    string? Year,
    decimal Total,
    long? Population,
    decimal? PerHead,
    IReadOnlyList<PlaceMapRow> Rows);
