using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Spend;

/// <summary>Lists the places in the store with their latest known population and their agencies.</summary>
public sealed class PlacesCommand(IAnsiConsole console) : AsyncCommand<PlacesSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PlacesSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreConnector.OpenReadOnlyAsync(settings.StoreOrDefault, cancellationToken);
        var places = await store.Places.ListPlacesAsync(cancellationToken);
        var rows = new List<object?[]>();
        foreach (var place in places.OrderBy(p => p.Code, StringComparer.Ordinal))
        {
            var agencies = await store.Places.ListAgenciesAsync(place.Code, cancellationToken);
            var latest = place.Population.Count == 0 ? (int?)null : place.Population.Keys.Max();
            rows.Add([place.Code, place.Name, latest is { } y ? place.Population[y] : null, latest, (long)agencies.Count]);
        }

        Column[] columns =
        [
            new("Code", "code"),
            new("Name", "name"),
            new("Population", "population", ColumnKind.Count),
            new("Population year", "populationYear"),
            new("Agencies", "agencies", ColumnKind.Count),
        ];
        ResultWriter.Write(console, settings.Format, TabularResult.Create("Places", columns, rows));
        return ExitCodes.Success;
    }
}
