using TotalPlace.Application.Counting;
using TotalPlace.Core;
using TotalPlace.Core.Places;
using TotalPlace.Storage;
using TotalPlace.Storage.Identity;

namespace TotalPlace.Web.Dashboard;

/// <summary>Draws the dashboard and comparison views from the figures of the application's use cases
/// (<see cref="BuildDashboard"/>, <see cref="ComparePlaces"/>), and keeps them in the map cache; the API and the pages
/// share it. It decides no year, visibility or per-head rule itself.</summary>
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

    /// <summary>The dashboard for a place and year (the latest year with money when none is given), as a reader with
    /// <paramref name="visibility"/> may see it: unpublished batches of other agencies are left out of every figure;
    /// null for an unknown place. There is no overload without a visibility, so no caller counts everything by
    /// forgetting one.</summary>
    public Task<DashboardView?> GetAsync(string placeCode, FiscalYear? year, Visibility visibility, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visibility);
        // Each reader's view is kept apart: the public must never be served a figure built for an analyst.
        return _cache.GetOrBuildAsync(placeCode, $"dashboard:{year}:{KeyOf(visibility)}", ct => BuildAsync(placeCode, year, visibility, ct), cancellationToken);
    }

    private async Task<DashboardView?> BuildAsync(string placeCode, FiscalYear? year, Visibility visibility, CancellationToken cancellationToken)
    {
        DashboardFigures figures;
        try
        {
            figures = await new BuildDashboard(store).ExecuteAsync(new DashboardRequest(placeCode, visibility, year), cancellationToken);
        }
        catch (MapRequestRefusedException)
        {
            return null;
        }

        var themeNames = await ThemeNamesAsync(cancellationToken);
        var rows = figures.Detail.Rows;
        var total = figures.Total;
        var population = figures.Population;
        return new DashboardView(
            Summarise(figures.Place),
            figures.Year,
            figures.Years,
            total,
            figures.PerHead,
            population,
            rows.Where(r => Labels.IsUnclassified(r.Theme)).Sum(r => r.Amount),
            Shares(rows, r => r.Theme ?? Theme.Unclassified.Code, k => ThemeName(themeNames, k), total, population),
            Shares(rows, r => r.Agency ?? "", k => string.IsNullOrEmpty(k) ? "Not stated" : k, total, population),
            Shares(rows, r => r.Funding ?? "", Labels.Humanize, total, population),
            Treemap(rows, themeNames),
            Sankey(rows, themeNames),
            [.. figures.Trend.Select(t => new TrendPoint(t.Year.ToString(), t.Amount, t.PerHead, t.Change))],
            figures.TopSuppliers)
        {
            FromStatements = figures.FromStatements,
            FromLines = figures.FromLines,
        };
    }

    /// <summary>Spend per head by theme for every place in the store, for one year (the latest year any place has money
    /// for when none is given), each place on its own population for that year, as a reader with
    /// <paramref name="visibility"/> may see it (<see cref="ComparePlaces"/>).</summary>
    public async Task<CompareView> CompareAsync(FiscalYear? year, Visibility visibility, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visibility);
        var comparison = await new ComparePlaces(store).ExecuteAsync(new ComparePlacesRequest(visibility, year), cancellationToken);
        var themeNames = await ThemeNamesAsync(cancellationToken);
        var columns = comparison.Places.Select(compared => new ComparePlace(
            Summarise(compared.Place),
            compared.Year?.ToString(),
            compared.ByTheme.Total,
            compared.PerHead,
            compared.ByTheme.Rows
                .GroupBy(r => r.Theme ?? Theme.Unclassified.Code, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => ThemeName(themeNames, g.Key), g => compared.PerHeadOf(g.Sum(r => r.Amount)), StringComparer.OrdinalIgnoreCase)))
            .ToList();
        var themes = columns.SelectMany(c => c.PerHeadByTheme.Keys).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(t => Labels.IsUnclassified(t)).ThenBy(t => t, StringComparer.OrdinalIgnoreCase).ToList();
        return new CompareView(comparison.Year?.ToString(), themes, columns);
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

    private static PlaceSummary Summarise(Place place) => new(place.Code, place.Name, BuildDashboard.LatestPopulation(place));


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
}
