namespace TotalPlace.Web.Api;

/// <summary>One group of the place map; keys not grouped by are null.</summary>
public sealed record PlaceMapRow(
    string? Theme,
    string? Agency,
    string? Year,
    string? Funding,
    decimal Amount,
    long Lines,
    decimal? PerHead);
