using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Application.Partnership;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Partnership;

/// <summary>Saves an offer file into the store beside its place (a draft may be saved; a file that cannot be read whole may not).</summary>
public sealed class SaveCommand(IAnsiConsole console) : AsyncCommand<SaveSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SaveSettings settings, CancellationToken cancellationToken)
    {
        var text = await OfferLoader.ReadTextAsync(settings.File, cancellationToken);
        // A file that cannot be read whole is refused before the store is opened (so no store file is created for it).
        var read = ValidateOffer.Evaluate(text);
        if (!read.Readable)
        {
            var first = read.ReadingIssues.Count > 0 ? read.ReadingIssues[0].ToString() : "the file holds no offer";
            throw new CliException(
                $"{settings.File} was not saved: {first} ({read.ReadingIssues.Count} problem(s); run `totalplace offer validate {settings.File}`)",
                ExitCodes.Rejected);
        }

        await using var store = await StoreConnector.OpenAsync(settings.StoreOrDefault, mustExist: false, cancellationToken);
        var saved = (await new SaveOffer(store).ExecuteAsync(new SaveOfferRequest(text), cancellationToken)).Saved!;
        console.Profile.Out.Writer.WriteLine($"Saved offer {saved.Id} ({saved.Status}) for place {saved.PlaceCode} to {settings.StoreOrDefault}");
        return ExitCodes.Success;
    }
}
