using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Application.Appraisal;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Proposals;

/// <summary>Saves a proposal file into the store beside a place; a file the engine cannot appraise is refused whole.</summary>
public sealed class ProposalSaveCommand(IAnsiConsole console) : AsyncCommand<ProposalSaveSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ProposalSaveSettings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.File))
        {
            throw new CliException($"{settings.File}: no such file", ExitCodes.Usage);
        }

        var json = await File.ReadAllTextAsync(settings.File, cancellationToken);
        var place = PlaceOption.Normalise(settings.Place!);
        await using var store = await StoreConnector.OpenAsync(settings.StoreOrDefault, mustExist: false, cancellationToken);
        var saved = await new SaveProposal(store, TimeProvider.System).ExecuteAsync(new SaveProposalRequest(place, settings.Id, json), cancellationToken);
        if (saved.Saved is null)
        {
            throw new CliException(
                $"{settings.File} was not saved: {saved.Errors[0]} ({saved.Errors.Count} problem(s); run `totalplace appraise {settings.File}`)",
                ExitCodes.Rejected);
        }

        console.Profile.Out.Writer.WriteLine($"Saved proposal {saved.Saved.Id} ({saved.Saved.Name}) for place {saved.Saved.PlaceCode} to {settings.StoreOrDefault}");
        return ExitCodes.Success;
    }
}
