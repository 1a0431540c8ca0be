using TotalPlace.Core;
using TotalPlace.Core.Places;
using TotalPlace.Storage;
using TotalPlace.Storage.Identity;

namespace TotalPlace.Application.Counting;

/// <summary>What a place dashboard was asked for.</summary>
/// <param name="PlaceCode">The place's GSS code, in any case.</param>
/// <param name="Viewer">What the reader may count (<see cref="ReaderVisibility"/>).</param>
/// <param name="Year">The financial year to show; null for the latest year the reader can see money in.</param>
public sealed record DashboardRequest(string PlaceCode, Visibility Viewer, FiscalYear? Year = null);

/// <summary>One year of a place's trend: its total, the population for that year and the change on the year before.</summary>
/// <param name="PerHead">Pounds per resident on that year's population, unrounded; null when it is unknown.</param>
/// <param name="Change">The change on the previous year shown; null for the first.</param>
public sealed record YearFigure(FiscalYear Year, decimal Amount, long? Population, decimal? PerHead, decimal? Change);

/// <summary>The figures behind a place dashboard for one year, as the reader may see them; the host draws them.</summary>
/// <param name="Place">The place as stored.</param>
/// <param name="Year">The year shown: the one asked for, else the latest with money; null when the reader sees no
/// money in any year (then <see cref="Detail"/> covers every year).</param>
/// <param name="Years">Every year the reader sees money in, oldest first.</param>
/// <param name="Detail">The year's map by funding source, agency and theme (every breakdown sums to its total).</param>
/// <param name="Population">The population used for per head: the year's (<see cref="Place.PopulationFor"/>), else the
/// latest known.</param>
/// <param name="Trend">Every year's total with its own year's population.</param>
/// <param name="TopSuppliers">The suppliers paid most in the year's lines, largest first.</param>
/// <param name="FromStatements">The part of the total that comes from statements.</param>
/// <param name="FromLines">The part of the total that comes from published transaction lines.</param>
public sealed record DashboardFigures(
    Place Place,
    FiscalYear? Year,
    IReadOnlyList<FiscalYear> Years,
    PlaceMap Detail,
    long? Population,
    IReadOnlyList<YearFigure> Trend,
    IReadOnlyList<SupplierTotal> TopSuppliers,
    decimal FromStatements,
    decimal FromLines)
{
    /// <summary>The year's total, exact.</summary>
    public decimal Total => Detail.Total;

    /// <summary>Pounds per resident, unrounded; null when the population is unknown.</summary>
    public decimal? PerHead => PerHeadOf(Total);

    /// <summary>Any part of the total per resident, on the same population as the headline.</summary>
    public decimal? PerHeadOf(decimal amount) => Population is > 0 ? amount / Population.Value : null;
}

/// <summary>The use case "show a place's dashboard": which year (the latest the reader sees money in unless one is
/// asked for), the year's map by funding, agency and theme, per head on that year's population, the trend across
/// years each on its own population, the top suppliers and where the money came from (statements or lines). The web's
/// dashboard page and <c>GET api/places/{code}/dashboard</c> show it.</summary>
public sealed class BuildDashboard(IPlaceStore store)
{
    /// <summary>How many suppliers the dashboard lists.</summary>
    public const int TopSupplierCount = 20;

    /// <exception cref="MapRequestRefusedException">The place is not in the store.</exception>
    public async Task<DashboardFigures> ExecuteAsync(DashboardRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Viewer);
        var place = await BuildPlaceMap.KnownPlaceAsync(store, request.PlaceCode, cancellationToken);
        var spend = store.Spend;
        PlaceMapRequest Ask(FiscalYear? year, params MapDimension[] by) => new(place.Code, request.Viewer, by, year);

        var byYear = await spend.MapAsync(BuildPlaceMap.QueryFor(place.Code, Ask(null, MapDimension.Year)), cancellationToken);
        var years = byYear.Rows.Where(r => r.Year is not null).Select(r => r.Year!.Value).Distinct().Order().ToList();
        var selected = request.Year ?? (years.Count > 0 ? years[^1] : null);
        var detail = await spend.MapAsync(BuildPlaceMap.QueryFor(place.Code, Ask(selected, MapDimension.Funding, MapDimension.Agency, MapDimension.Theme)), cancellationToken);
        var suppliers = await spend.TopSuppliersAsync(BuildPlaceMap.QueryFor(place.Code, Ask(selected)), TopSupplierCount, cancellationToken);
        var bySource = await spend.MapAsync(BuildPlaceMap.QueryFor(place.Code, Ask(selected, MapDimension.Source)), cancellationToken);
        return new DashboardFigures(
            place,
            selected,
            years,
            detail,
            selected is { } y ? place.PopulationFor(y) : LatestPopulation(place),
            Trend(byYear.Rows, place),
            suppliers,
            bySource.Rows.Where(r => r.Source == SourceNames.Statements).Sum(r => r.Amount),
            bySource.Rows.Where(r => r.Source == SourceNames.Transactions).Sum(r => r.Amount));
    }

    /// <summary>The latest population known for the place (any year), or null.</summary>
    public static long? LatestPopulation(Place place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return place.Population.Count == 0 ? null : place.Population.MaxBy(p => p.Key).Value;
    }

    private static List<YearFigure> Trend(IReadOnlyList<MapRow> rows, Place place)
    {
        var points = new List<YearFigure>();
        decimal? previous = null;
        foreach (var year in rows.Where(r => r.Year is not null).GroupBy(r => r.Year!.Value).OrderBy(g => g.Key))
        {
            var amount = year.Sum(r => r.Amount);
            var population = place.PopulationFor(year.Key);
            points.Add(new YearFigure(year.Key, amount, population, population is > 0 ? amount / population.Value : null, previous is { } p ? amount - p : null));
            previous = amount;
        }

        return points;
    }
}

/// <summary>The values of <see cref="MapRow.Source"/> when a map is grouped by <see cref="MapDimension.Source"/>.</summary>
public static class SourceNames
{
    /// <summary>Money counted from statements (budgets, outturn, benefits paid, a package's top-down count).</summary>
    public const string Statements = "statements";

    /// <summary>Money counted from published transaction lines.</summary>
    public const string Transactions = "transactions";
}
