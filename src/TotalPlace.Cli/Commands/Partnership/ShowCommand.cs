using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Core.Partnership.Files;

namespace TotalPlace.Cli.Commands.Partnership;

/// <summary>Writes a stored offer out as an offer file, which every other offer verb reads.</summary>
public sealed class ShowCommand(IAnsiConsole console) : AsyncCommand<ShowSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ShowSettings settings, CancellationToken cancellationToken)
    {
        var place = PlaceOption.Normalise(settings.Place!);
        await using var store = await StoreConnector.OpenReadOnlyAsync(settings.StoreOrDefault, cancellationToken);
        var offer = await store.Partnership.LoadOfferAsync(place, settings.Id, cancellationToken)
            ?? throw new CliException($"there is no offer '{settings.Id}' for place {place} in {settings.StoreOrDefault}", ExitCodes.Rejected);
        var json = OfferFile.Write(offer);
        if (settings.Out is null)
        {
            var output = console.Profile.Out.Writer;
            await output.WriteAsync(json.AsMemory(), cancellationToken);
            await output.FlushAsync(cancellationToken);
        }
        else
        {
            await File.WriteAllTextAsync(settings.Out, json, cancellationToken);
            console.Profile.Out.Writer.WriteLine($"Wrote offer {offer.Id} to {settings.Out}");
        }

        return ExitCodes.Success;
    }
}
