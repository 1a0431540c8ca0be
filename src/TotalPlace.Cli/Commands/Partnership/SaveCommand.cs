using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Partnership;

/// <summary>Saves an offer file into the store beside its place (a draft may be saved; a file that cannot be read whole may not).</summary>
public sealed class SaveCommand(IAnsiConsole console) : AsyncCommand<SaveSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SaveSettings settings, CancellationToken cancellationToken)
    {
        var parsed = await OfferLoader.ParseAsync(settings.File, cancellationToken);
        if (parsed.Offer is null || parsed.Issues.Count > 0)
        {
            var first = parsed.Issues.Count > 0 ? parsed.Issues[0].ToString() : "the file holds no offer";
            throw new CliException(
                $"{settings.File} was not saved: {first} ({parsed.Issues.Count} problem(s); run `totalplace offer validate {settings.File}`)",
                ExitCodes.Rejected);
        }

        await using var store = await StoreConnector.OpenAsync(settings.StoreOrDefault, mustExist: false, cancellationToken);
        await store.Partnership.SaveOfferAsync(parsed.Offer, cancellationToken);
        console.Profile.Out.Writer.WriteLine($"Saved offer {parsed.Offer.Id} ({parsed.Offer.Status}) for place {parsed.Offer.PlaceCode} to {settings.StoreOrDefault}");
        return ExitCodes.Success;
    }
}
