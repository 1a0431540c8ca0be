using TotalPlace.Core;
using TotalPlace.Core.Places;
using TotalPlace.Storage;
using TotalPlace.Storage.Identity;

namespace TotalPlace.Application.Counting;

/// <summary>What a place map was asked for.</summary>
/// <param name="PlaceCode">The place's GSS code, in any case; the place must be in the store (a map never creates one).</param>
/// <param name="Viewer">What the reader may count (<see cref="ReaderVisibility"/>): lines of batches they may not see
/// are left out of every figure.</param>
/// <param name="By">The dimensions to group by, in order; null for <see cref="MapDimensions.Default"/> (by theme), empty
/// for the grand total only.</param>
/// <param name="Year">Only this financial year; null for every year (a map over several years has no per-head total).</param>
/// <param name="Agency">Only this agency (by name); blank means every agency.</param>
/// <param name="Theme">Only this theme (its code); blank means every theme.</param>
/// <param name="Funding">Only agencies with this funding source; blank means every source.</param>
/// <param name="Source">Which money to count: statements where an agency-year has them, otherwise its lines (the
/// default), or only one of the two.</param>
public sealed record PlaceMapRequest(
    string PlaceCode,
    Visibility Viewer,
    IReadOnlyList<MapDimension>? By = null,
    FiscalYear? Year = null,
    string? Agency = null,
    string? Theme = null,
    string? Funding = null,
    MapSource Source = MapSource.Combined);

/// <summary>The use case "map a place": the place's money counted by theme, agency, year, funding stream and source,
/// exact to the penny, with per-head figures from the place's population, counting only what the reader may see.
/// The CLI's <c>map</c>, the web's <c>GET api/places/{code}/map</c>, the dashboard, the treemap, the drill-down's
/// figure and the board pack all ask here, so each host decides nothing about visibility, years, sources or per head.</summary>
/// <remarks>The counting rules themselves (statements over lines per agency-year, outturn over budget, per head only
/// for one year) are the store's map (docs/architecture.md, "The place map"); this class decides what is asked of it.</remarks>
public sealed class BuildPlaceMap(IPlaceStore store)
{
    /// <summary>The place map as the reader may see it.</summary>
    /// <exception cref="MapRequestRefusedException">The place is not in the store, or no code was given.</exception>
    public async Task<PlaceMap> ExecuteAsync(PlaceMapRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var place = await KnownPlaceAsync(store, request.PlaceCode, cancellationToken);
        return await store.Spend.MapAsync(QueryFor(place.Code, request), cancellationToken);
    }

    /// <summary>The store's query for a request about a known place: the one place a <see cref="MapQuery"/> is made
    /// from what a reader asked (blank filters mean none; the viewer is always applied).</summary>
    internal static MapQuery QueryFor(string placeCode, PlaceMapRequest request)
    {
        ArgumentNullException.ThrowIfNull(request.Viewer);
        return new MapQuery(
            placeCode,
            request.By ?? MapDimensions.Default,
            request.Year,
            Blank(request.Agency),
            Blank(request.Theme),
            Blank(request.Funding),
            request.Source,
            request.Viewer);
    }

    /// <summary>The place as stored, or a refusal naming the code given: an empty code is
    /// <see cref="MapRefusal.Invalid"/>, anything that is not a place in the store <see cref="MapRefusal.NotFound"/>.</summary>
    public static async Task<Place> KnownPlaceAsync(IPlaceStore store, string? placeCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var code = placeCode is null ? "" : Place.NormaliseCode(placeCode);
        if (code.Length == 0)
        {
            throw new MapRequestRefusedException("Give the place's GSS code, e.g. E08000003 for Manchester.", MapRefusal.Invalid);
        }

        if (!Place.IsGssCode(code) || await store.Places.FindPlaceAsync(code, cancellationToken) is not { } place)
        {
            throw new MapRequestRefusedException($"There is no place {placeCode!.Trim()} in the store; give the GSS code of a place whose spend has been imported (`places` or the dashboard lists them).", MapRefusal.NotFound);
        }

        return place;
    }

    /// <summary>A filter as the store takes it: null when blank, otherwise trimmed.</summary>
    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
