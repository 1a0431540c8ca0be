using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Application.Counting;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Storage;

namespace TotalPlace.Cli.Commands.Spend;

/// <summary>The place map: the whole place counted by theme, agency, year and funding stream, with per-head figures.</summary>
public sealed class MapCommand(IAnsiConsole console) : AsyncCommand<MapSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, MapSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreConnector.OpenReadOnlyAsync(settings.StoreOrDefault, cancellationToken);
        var placeCode = PlaceOption.Normalise(settings.Place!);
        if (settings.Format == OutputFormat.Pdf)
        {
            return await BoardPackCommand.WriteAsync(console, store, placeCode, settings, cancellationToken);
        }

        var map = await new BuildPlaceMap(store).ExecuteAsync(Request(settings), cancellationToken);
        Render(console, settings.Format, map, settings.Dimensions, settings.Year);
        return ExitCodes.Success;
    }

    /// <summary>What the verb asks of the use case; the person at the command line sees everything in the store.</summary>
    internal static PlaceMapRequest Request(MapSettings settings) => new(
        settings.Place!,
        ReaderVisibility.LocalUser,
        settings.Dimensions,
        PlaceOption.ParseYear(settings.Year),
        settings.Agency,
        settings.Theme,
        settings.Funding,
        settings.Source);

    internal static void Render(IAnsiConsole console, OutputFormat format, PlaceMap map, IReadOnlyList<MapDimension> by, string? year)
    {
        if (format == OutputFormat.Json)
        {
            ResultWriter.WriteJson(console, ToJson(map, by, year));
            return;
        }

        var table = ToTable(map, by, year);
        ResultWriter.Write(console, format, table);
    }

    internal static TabularResult ToTable(PlaceMap map, IReadOnlyList<MapDimension> by, string? year)
    {
        var columns = by.Select(d => d switch
        {
            MapDimension.Theme => new Column("Theme", "theme"),
            MapDimension.Agency => new Column("Agency", "agency"),
            MapDimension.Year => new Column("Year", "year"),
            MapDimension.Funding => new Column("Funding", "funding"),
            MapDimension.Source => new Column("Source", "source"),
            _ => throw new ArgumentOutOfRangeException(nameof(by), d, "unknown map dimension"),
        }).ToList();
        columns.Add(new Column("Amount", "amount", ColumnKind.Money));
        columns.Add(new Column("Lines", "lines", ColumnKind.Count));
        columns.Add(new Column("Per head", "perHead", ColumnKind.Money));
        columns.Add(new Column("Share", "share", ColumnKind.Percent, InData: false));

        var rows = map.Rows.Select(row =>
        {
            var cells = by.Select(d => (object?)(d switch
            {
                MapDimension.Theme => row.ThemeName ?? row.Theme,
                MapDimension.Agency => row.Agency,
                MapDimension.Year => row.Year?.ToString(),
                MapDimension.Funding => row.Funding,
                _ => row.Source,
            })).ToList();
            cells.Add(row.Amount);
            cells.Add(row.Lines);
            cells.Add(RoundPence(row.PerHead));
            cells.Add(Share(row.Amount, map.Total));
            return cells.ToArray();
        });

        var scope = year is null ? "all years" : year;
        var name = string.IsNullOrEmpty(map.PlaceName) ? map.PlaceCode : $"{map.PlaceCode} {map.PlaceName}";
        var title = $"Place map {name} ({scope}, {map.Source.ToString().ToLowerInvariant()})";
        var population = map.Population is { } people ? $"population {Formats.Count(people)}" : "population unknown";
        var perHead = map.PerHead is { } head ? $", {Formats.Money(RoundPence(head)!.Value)} per head" : string.Empty;
        var footer = $"Total {Formats.Money(map.Total)} across {Formats.Count(map.Rows.Sum(r => r.Lines))} lines; {population}{perHead}";
        return TabularResult.Create(title, columns, rows, footer);
    }

    internal static JsonObject ToJson(PlaceMap map, IReadOnlyList<MapDimension> by, string? year)
    {
        var rows = new JsonArray();
        foreach (var row in map.Rows)
        {
            var item = new JsonObject();
            foreach (var dimension in by)
            {
                switch (dimension)
                {
                    case MapDimension.Theme:
                        item["theme"] = row.Theme;
                        item["themeName"] = row.ThemeName ?? row.Theme;
                        break;
                    case MapDimension.Agency: item["agency"] = row.Agency; break;
                    case MapDimension.Year: item["year"] = row.Year?.ToString(); break;
                    case MapDimension.Funding: item["funding"] = row.Funding; break;
                    case MapDimension.Source: item["source"] = row.Source; break;
                }
            }

            item["amount"] = row.Amount;
            item["lines"] = row.Lines;
            item["perHead"] = RoundPence(row.PerHead);
            rows.Add(item);
        }

        return new JsonObject
        {
            ["place"] = map.PlaceCode,
            ["placeName"] = map.PlaceName,
            ["source"] = map.Source.ToString().ToLowerInvariant(),
            ["year"] = year,
            ["by"] = new JsonArray(by.Select(d => (JsonNode?)JsonValue.Create(d.ToString().ToLowerInvariant())).ToArray()),
            ["total"] = map.Total,
            ["lines"] = map.Lines,
            ["population"] = map.Population,
            ["perHead"] = RoundPence(map.PerHead),
            ["rows"] = rows,
        };
    }

    /// <summary>Per-head figures are derived, so they are shown to the penny; stored amounts are never rounded.</summary>
    private static decimal? RoundPence(decimal? value) => value is { } v ? Math.Round(v, 2, MidpointRounding.ToEven) : null;

    private static decimal? Share(decimal amount, decimal total) => total == 0m ? null : amount / total;
}
