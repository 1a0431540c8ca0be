using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Partnership;

/// <summary>Lists the offers in a store, with their pools summed from the stored rows.</summary>
public sealed class ListCommand(IAnsiConsole console) : AsyncCommand<ListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ListSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreConnector.OpenReadOnlyAsync(settings.StoreOrDefault, cancellationToken);
        var place = settings.Place is null ? null : PlaceOption.Normalise(settings.Place);
        var offers = await store.Partnership.ListOffersAsync(place, cancellationToken);
        Column[] columns =
        [
            new("Place", "place"),
            new("Offer", "id"),
            new("Title", "title"),
            new("Kind", "kind"),
            new("Status", "status"),
            new("Start", "startDate", ColumnKind.Date),
            new("Version", "version"),
            new("Partners", "partners", ColumnKind.Count),
            new("Outcomes", "outcomes", ColumnKind.Count),
            new("Pool", "poolTotal", ColumnKind.Money),
            new("Actuals", "actuals", ColumnKind.Count),
        ];
        var rows = offers.Select(o => new object?[]
        {
            o.PlaceCode, o.OfferId, o.Title, o.Kind, o.Status, o.StartDate, o.Version, o.Partners, o.Outcomes, o.PoolTotal, o.Actuals,
        });
        ResultWriter.Write(console, settings.Format, TabularResult.Create("Offers", columns, rows, $"{offers.Count} offer(s)"));
        return ExitCodes.Success;
    }
}
