using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Application.Waste;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Waste;

/// <summary>Records a reviewer's decision on a finding; later runs respect it.</summary>
public sealed class WasteReviewCommand(IAnsiConsole console) : AsyncCommand<WasteReviewSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, WasteReviewSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreConnector.OpenAsync(settings.StoreOrDefault, mustExist: true, cancellationToken);
        var state = WasteReviewSettings.ParseState(settings.State)!.Value;
        ReviewedFinding reviewed;
        try
        {
            // --by names the reviewer; otherwise the run's actor (--as, or the OS user).
            reviewed = await new ReviewWasteFinding(store, TimeProvider.System).ExecuteAsync(new ReviewWasteFindingRequest(settings.PlaceCode, settings.Finding!, state, settings.Note, settings.By), cancellationToken);
        }
        catch (WasteRequestRefusedException ex)
        {
            throw new CliException(ex.Message);
        }

        console.MarkupLineInterpolated($"Marked {reviewed.Decision.FindingKey} ({reviewed.Finding.Title}) as {WasteCommand.StateName(state)}.");
        return ExitCodes.Success;
    }
}
