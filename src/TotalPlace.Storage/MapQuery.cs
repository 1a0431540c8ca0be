using TotalPlace.Core;

namespace TotalPlace.Storage;

/// <summary>What to map: a place, grouped by some dimensions, optionally filtered.</summary>
/// <param name="PlaceCode">The place's GSS code.</param>
/// <param name="By">The dimensions to group by, in order; empty for the grand total only.</param>
/// <param name="Year">Only this financial year.</param>
/// <param name="Agency">Only this agency (by name).</param>
/// <param name="Theme">Only this theme (by code).</param>
/// <param name="Funding">Only agencies with this funding source (the <see cref="Core.Places.FundingSource"/> name).</param>
/// <param name="Source">Which money to count; see <see cref="MapSource"/>.</param>
/// <param name="Visibility">Which batches may be counted; null or <see cref="Identity.Visibility.All"/> for all.</param>
public sealed record MapQuery(
    string PlaceCode,
    IReadOnlyList<MapDimension> By,
    FiscalYear? Year = null,
    string? Agency = null,
    string? Theme = null,
    string? Funding = null,
    MapSource Source = MapSource.Combined,
    Identity.Visibility? Visibility = null);
