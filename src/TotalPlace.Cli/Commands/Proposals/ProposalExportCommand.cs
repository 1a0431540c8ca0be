using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Proposals;

/// <summary>Writes a stored proposal out as the proposal file it was saved from (what <c>appraise</c> reads).</summary>
public sealed class ProposalExportCommand(IAnsiConsole console) : AsyncCommand<ProposalExportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ProposalExportSettings settings, CancellationToken cancellationToken)
    {
        var place = PlaceOption.Normalise(settings.Place!);
        await using var store = await StoreConnector.OpenAsync(settings.StoreOrDefault, mustExist: true, cancellationToken);
        var stored = await store.Proposals.LoadProposalAsync(place, settings.Id, cancellationToken)
            ?? throw new CliException($"there is no proposal '{settings.Id}' for place {place} in {settings.StoreOrDefault}", ExitCodes.Rejected);
        if (settings.Out is null)
        {
            var output = console.Profile.Out.Writer;
            await output.WriteAsync(stored.Document.AsMemory(), cancellationToken);
            await output.FlushAsync(cancellationToken);
        }
        else
        {
            await File.WriteAllTextAsync(settings.Out, stored.Document, cancellationToken);
            console.Profile.Out.Writer.WriteLine($"Wrote proposal {stored.Id} to {settings.Out}");
        }

        return ExitCodes.Success;
    }
}
