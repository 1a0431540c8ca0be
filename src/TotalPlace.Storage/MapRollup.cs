using TotalPlace.Core;
using TotalPlace.Core.Places;

namespace TotalPlace.Storage;

/// <summary>Rolls the engine's finest-grain cells up to the dimensions asked for, so every engine gives the same
/// groups, order and per-head figures, and every level is an exact sum of the cells below it.</summary>
internal static class MapRollup
{
    public static PlaceMap Build(MapQuery query, Place place, IReadOnlyList<MapCell> cells, IReadOnlyDictionary<string, string> themeNames)
    {
        var by = query.By.Distinct().ToList();
        var total = 0m;
        var lines = 0L;
        foreach (var cell in cells)
        {
            total += cell.Amount;
            lines += cell.Lines;
        }

        var years = cells.Select(c => c.Year).Distinct().ToList();
        FiscalYear? singleYear = query.Year ?? (years.Count == 1 ? years[0] : null);

        var rows = cells
            .GroupBy(c => new MapRow(
                by.Contains(MapDimension.Theme) ? c.Theme : null,
                by.Contains(MapDimension.Agency) ? c.Agency : null,
                by.Contains(MapDimension.Year) ? c.Year : null,
                by.Contains(MapDimension.Funding) ? c.Funding : null,
                0m,
                0,
                null,
                by.Contains(MapDimension.Source) ? c.Source : null,
                by.Contains(MapDimension.Theme) ? themeNames.GetValueOrDefault(c.Theme, c.Theme) : null))
            .Select(g =>
            {
                var amount = 0m;
                var count = 0L;
                foreach (var cell in g)
                {
                    amount += cell.Amount;
                    count += cell.Lines;
                }

                var year = g.Key.Year ?? singleYear;
                var population = year is { } y ? place.PopulationFor(y) : null;
                return g.Key with { Amount = amount, Lines = count, PerHead = population is > 0 ? amount / population.Value : null };
            });

        IOrderedEnumerable<MapRow>? ordered = null;
        foreach (var dimension in by)
        {
            Func<MapRow, string?> key = dimension switch
            {
                MapDimension.Theme => r => r.Theme,
                MapDimension.Agency => r => r.Agency,
                MapDimension.Year => r => r.Year?.ToString(),
                MapDimension.Funding => r => r.Funding,
                _ => r => r.Source,
            };
            ordered = ordered is null ? rows.OrderBy(key, StringComparer.Ordinal) : ordered.ThenBy(key, StringComparer.Ordinal);
        }

        return new PlaceMap(
            place.Code,
            total,
            singleYear is { } only ? place.PopulationFor(only) : null,
            [.. (IEnumerable<MapRow>?)ordered ?? rows],
            place.Name,
            query.Source,
            lines);
    }
}
