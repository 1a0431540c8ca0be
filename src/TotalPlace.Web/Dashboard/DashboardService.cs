using TotalPlace.Core;
using TotalPlace.Core.Places;
using TotalPlace.Storage;
using TotalPlace.Storage.Identity;

namespace TotalPlace.Web.Dashboard;

/// <summary>Builds the dashboard and comparison views from the place map; the API and the pages share it.</summary>
public sealed class DashboardService(IPlaceStore store)
{
    private readonly Caching.MapCache _cache = new(store);

    /// <summary>The cache of built dashboards; writes that leave no import batch call its Invalidate.</summary>
    public Caching.MapCache Cache => _cache;

    public async Task<IReadOnlyList<PlaceSummary>> ListPlacesAsync(CancellationToken cancellationToken)
    {
        var places = await store.Places.ListPlacesAsync(cancellationToken);
        return [.. places.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Select(Summarise)];
    }

    public async Task<PlaceSummary?> FindPlaceAsync(string code, CancellationToken cancellationToken)
    {
        var places = await store.Places.ListPlacesAsync(cancellationToken);
        var place = places.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase));
        return place is null ? null : Summarise(place);
    }

    /// <summary>The dashboard for a place and year (the latest year with money when none is given); null for an unknown place.</summary>
    public Task<DashboardView?> GetAsync(string placeCode, FiscalYear? year, CancellationToken cancellationToken) =>
        GetAsync(placeCode, year, Visibility.All, cancellationToken);

    /// <summary>The dashboard as a reader with <paramref name="visibility"/> may see it: unpublished batches of other
    /// agencies are left out of every figure.</summary>
    public Task<DashboardView?> GetAsync(string placeCode, FiscalYear? year, Visibility visibility, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visibility);
        // Each reader's view is kept apart: the public must never be served a figure built for an analyst.
        return _cache.GetOrBuildAsync(placeCode, $"dashboard:{year}:{KeyOf(visibility)}", ct => BuildAsync(placeCode, year, visibility, ct), cancellationToken);
    }

    private async Task<DashboardView?> BuildAsync(string placeCode, FiscalYear? year, Visibility visibility, CancellationToken cancellationToken)
    {
        var places = await store.Places.ListPlacesAsync(cancellationToken);
        var place = places.FirstOrDefault(p => string.Equals(p.Code, placeCode, StringComparison.OrdinalIgnoreCase));
        if (place is null)
        {
            return null;
        }

        var themeNames = await ThemeNamesAsync(cancellationToken);
        var byYear = await store.Spend.MapAsync(new MapQuery(place.Code, [MapDimension.Year], Visibility: visibility), cancellationToken);
        var years = byYear.Rows.Where(r => r.Year is not null).Select(r => r.Year!.Value).Distinct().Order().ToList();
        var selected = year ?? (years.Count > 0 ? years[^1] : null);
        var map = await store.Spend.MapAsync(
            new MapQuery(place.Code, [MapDimension.Funding, MapDimension.Agency, MapDimension.Theme], selected, Visibility: visibility),
            cancellationToken);

        var population = selected is { } y ? place.PopulationFor(y) : LatestPopulation(place);
        var total = map.Total;
        var byTheme = Shares(map.Rows, r => r.Theme ?? Theme.Unclassified.Code, k => ThemeName(themeNames, k), total, population);
        var byAgency = Shares(map.Rows, r => r.Agency ?? "", k => string.IsNullOrEmpty(k) ? "Not stated" : k, total, population);
        var byFunding = Shares(map.Rows, r => r.Funding ?? "", Labels.Humanize, total, population);
        var suppliers = await store.Spend.TopSuppliersAsync(new MapQuery(place.Code, [], selected, Visibility: visibility), 20, cancellationToken);
        var unclassified = map.Rows.Where(r => Labels.IsUnclassified(r.Theme)).Sum(r => r.Amount);
        var bySource = await store.Spend.MapAsync(new MapQuery(place.Code, [MapDimension.Source], selected, Visibility: visibility), cancellationToken);

        return new DashboardView(
            Summarise(place),
            selected,
            years,
            total,
            population is > 0 ? total / population.Value : null,
            population,
            unclassified,
            byTheme,
            byAgency,
            byFunding,
            Treemap(map.Rows, themeNames),
            Sankey(map.Rows, themeNames),
            Trend(byYear.Rows, place),
            suppliers)
        {
            FromStatements = bySource.Rows.Where(r => r.Source == "statements").Sum(r => r.Amount),
            FromLines = bySource.Rows.Where(r => r.Source == "transactions").Sum(r => r.Amount),
        };
    }

    /// <summary>Spend per head by theme for every place in the store, for one year (the latest year any place has money
    /// for when none is given), each place on its own population for that year.</summary>
    public Task<CompareView> CompareAsync(FiscalYear? year, CancellationToken cancellationToken) =>
        CompareAsync(year, Visibility.All, cancellationToken);

    /// <summary>The comparison as a reader with <paramref name="visibility"/> may see it.</summary>
    public async Task<CompareView> CompareAsync(FiscalYear? year, Visibility visibility, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visibility);
        var places = await store.Places.ListPlacesAsync(cancellationToken);
        var themeNames = await ThemeNamesAsync(cancellationToken);
        var columns = new List<ComparePlace>();
        if (year is null)
        {
            // One year for every place, never each place's own latest: the latest year any place has money for.
            // Places without money that year show none rather than another year's.
            var years = new List<FiscalYear>();
            foreach (var place in places)
            {
                var byYear = await store.Spend.MapAsync(new MapQuery(place.Code, [MapDimension.Year], Visibility: visibility), cancellationToken);
                years.AddRange(byYear.Rows.Where(r => r.Year is not null && r.Amount != 0).Select(r => r.Year!.Value));
            }

            year = years.Count == 0 ? null : years.Max();
        }

        foreach (var place in places.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
        {
            var placeYear = year;

            var map = await store.Spend.MapAsync(new MapQuery(place.Code, [MapDimension.Theme], placeYear, Visibility: visibility), cancellationToken);
            var population = placeYear is { } y ? place.PopulationFor(y) : LatestPopulation(place);
            var perHead = map.Rows
                .GroupBy(r => r.Theme ?? Theme.Unclassified.Code, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(
                    g => ThemeName(themeNames, g.Key),
                    g => population is > 0 ? g.Sum(r => r.Amount) / population.Value : (decimal?)null,
                    StringComparer.OrdinalIgnoreCase);
            columns.Add(new ComparePlace(
                Summarise(place),
                placeYear?.ToString(),
                map.Total,
                population is > 0 ? map.Total / population.Value : null,
                perHead));
        }

        var themes = columns.SelectMany(c => c.PerHeadByTheme.Keys).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(t => Labels.IsUnclassified(t)).ThenBy(t => t, StringComparer.OrdinalIgnoreCase).ToList();
        return new CompareView(year?.ToString(), themes, columns);
    }

    private static string KeyOf(Visibility visibility) => $"{visibility.Kind}:{visibility.PlaceCode}:{visibility.Agency}";

    private async Task<Dictionary<string, string>> ThemeNamesAsync(CancellationToken cancellationToken)
    {
        var themes = await store.Places.ListThemesAsync(cancellationToken);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var theme in Theme.Defaults.Concat(themes))
        {
            names[theme.Code] = theme.Name;
        }

        return names;
    }

    private static string ThemeName(Dictionary<string, string> names, string? key) =>
        Labels.IsUnclassified(key) ? Theme.Unclassified.Name : names.GetValueOrDefault(key!, key!);

    private static PlaceSummary Summarise(Place place) => new(place.Code, place.Name, LatestPopulation(place));

    private static long? LatestPopulation(Place place) =>
        place.Population.Count == 0 ? null : place.Population.MaxBy(p => p.Key).Value;

    private static List<ShareRow> Shares(
        IEnumerable<MapRow> rows, Func<MapRow, string> key, Func<string, string> label, decimal total, long? population) =>
        [.. rows.GroupBy(key, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var amount = g.Sum(r => r.Amount);
                return new ShareRow(
                    g.Key,
                    label(g.Key),
                    amount,
                    total == 0 ? 0 : amount / total,
                    population is > 0 ? amount / population.Value : null,
                    g.Sum(r => r.Lines));
            })
            .OrderByDescending(r => r.Amount)];

    private static List<TreemapNode> Treemap(IEnumerable<MapRow> rows, Dictionary<string, string> themeNames) =>
        [.. rows.GroupBy(r => ThemeName(themeNames, r.Theme), StringComparer.OrdinalIgnoreCase)
            .Select(theme => new TreemapNode(
                theme.Key,
                theme.Sum(r => r.Amount),
                [.. theme.GroupBy(r => r.Agency ?? "Not stated", StringComparer.OrdinalIgnoreCase)
                    .Select(a => new TreemapNode(a.Key, a.Sum(r => r.Amount), []))
                    .Where(a => a.Value > 0)
                    .OrderByDescending(a => a.Value)]))
            .Where(t => t.Value > 0)
            .OrderByDescending(t => t.Value)];

    private static SankeyChart Sankey(IReadOnlyList<MapRow> rows, Dictionary<string, string> themeNames)
    {
        // ECharts identifies Sankey nodes by name, so a name used in two columns (an agency called "Housing")
        // gets the column's word appended rather than merging two different nodes into a cycle.
        var funding = rows.Select(r => Labels.Humanize(r.Funding)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var agencies = rows.Select(r => r.Agency ?? "Not stated").Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var themes = rows.Select(r => ThemeName(themeNames, r.Theme)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new Dictionary<(int, string), string>();
        void Name(int depth, string value, string column) =>
            names[(depth, value.ToUpperInvariant())] = used.Add(value) ? value : $"{value} ({column})";
        funding.ForEach(f => Name(0, f, "funding"));
        agencies.ForEach(a => Name(1, a, "agency"));
        themes.ForEach(t => Name(2, t, "theme"));

        // Sankey links carry positive flows only; net credits would make a link negative and are left to the tables.
        var links = rows
            .GroupBy(r => (names[(0, Labels.Humanize(r.Funding).ToUpperInvariant())], names[(1, (r.Agency ?? "Not stated").ToUpperInvariant())]))
            .Select(g => new SankeyLink(g.Key.Item1, g.Key.Item2, g.Sum(r => r.Amount)))
            .Concat(rows
                .GroupBy(r => (names[(1, (r.Agency ?? "Not stated").ToUpperInvariant())], names[(2, ThemeName(themeNames, r.Theme).ToUpperInvariant())]))
                .Select(g => new SankeyLink(g.Key.Item1, g.Key.Item2, g.Sum(r => r.Amount))))
            .Where(l => l.Value > 0)
            .ToList();
        var nodes = names.Select(n => new SankeyNode(n.Value, n.Key.Item1))
            .Where(n => links.Any(l => l.Source == n.Name || l.Target == n.Name))
            .OrderBy(n => n.Depth)
            .ToList();
        return new SankeyChart(nodes, links);
    }

    private static List<TrendPoint> Trend(IReadOnlyList<MapRow> rows, Place place)
    {
        var points = new List<TrendPoint>();
        decimal? previous = null;
        foreach (var year in rows.Where(r => r.Year is not null).GroupBy(r => r.Year!.Value).OrderBy(g => g.Key))
        {
            var amount = year.Sum(r => r.Amount);
            var population = place.PopulationFor(year.Key);
            points.Add(new TrendPoint(
                year.Key.ToString(),
                amount,
                population is > 0 ? amount / population.Value : null,
                previous is { } p ? amount - p : null));
            previous = amount;
        }

        return points;
    }
}
