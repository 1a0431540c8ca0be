using TotalPlace.Core;
using TotalPlace.Core.Places;
using TotalPlace.Storage;
using TotalPlace.Storage.Identity;

namespace TotalPlace.Application.Counting;

/// <summary>What a comparison of places was asked for.</summary>
/// <param name="Viewer">What the reader may count (<see cref="ReaderVisibility"/>).</param>
/// <param name="Year">The year to compare; null for the latest year any place has money in (the same year for every
/// place, never each place's own latest).</param>
public sealed record ComparePlacesRequest(Visibility Viewer, FiscalYear? Year = null);

/// <summary>One place in a comparison.</summary>
/// <param name="Place">The place as stored.</param>
/// <param name="Year">The year compared (null when no place has money in any year: then every year is counted).</param>
/// <param name="ByTheme">The place's map by theme for the year.</param>
/// <param name="Population">The place's own population for the year (the latest known when no year).</param>
public sealed record ComparedPlace(Place Place, FiscalYear? Year, PlaceMap ByTheme, long? Population)
{
    /// <summary>Pounds per resident, unrounded; null when the population is unknown.</summary>
    public decimal? PerHead => PerHeadOf(ByTheme.Total);

    /// <summary>Any part of the place's total per resident.</summary>
    public decimal? PerHeadOf(decimal amount) => Population is > 0 ? amount / Population.Value : null;
}

/// <summary>A comparison: one year, every place in the store by name.</summary>
public sealed record PlaceComparison(FiscalYear? Year, IReadOnlyList<ComparedPlace> Places);

/// <summary>The use case "compare places": spend per head by theme for every place in the store, for one year, each
/// place on its own population for that year and counting only what the reader may see. The web's Compare page and
/// <c>GET api/compare</c> show it.</summary>
public sealed class ComparePlaces(IPlaceStore store)
{
    public async Task<PlaceComparison> ExecuteAsync(ComparePlacesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Viewer);
        var spend = store.Spend;
        var places = await store.Places.ListPlacesAsync(cancellationToken);
        var year = request.Year;
        if (year is null)
        {
            // One year for every place: the latest year any place has money for. Places without money that year
            // show none rather than another year's.
            var years = new List<FiscalYear>();
            foreach (var place in places)
            {
                var byYear = await spend.MapAsync(BuildPlaceMap.QueryFor(place.Code, new PlaceMapRequest(place.Code, request.Viewer, [MapDimension.Year])), cancellationToken);
                years.AddRange(byYear.Rows.Where(r => r.Year is not null && r.Amount != 0).Select(r => r.Year!.Value));
            }

            year = years.Count == 0 ? null : years.Max();
        }

        var compared = new List<ComparedPlace>();
        foreach (var place in places.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
        {
            var map = await spend.MapAsync(BuildPlaceMap.QueryFor(place.Code, new PlaceMapRequest(place.Code, request.Viewer, [MapDimension.Theme], year)), cancellationToken);
            compared.Add(new ComparedPlace(place, year, map, year is { } y ? place.PopulationFor(y) : BuildDashboard.LatestPopulation(place)));
        }

        return new PlaceComparison(year, compared);
    }
}
