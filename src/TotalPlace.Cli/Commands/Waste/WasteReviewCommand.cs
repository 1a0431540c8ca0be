using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Core.Waste;

namespace TotalPlace.Cli.Commands.Waste;

/// <summary>Records a reviewer's decision on a finding; later runs respect it.</summary>
public sealed class WasteReviewCommand(IAnsiConsole console) : AsyncCommand<WasteReviewSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, WasteReviewSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreConnector.OpenAsync(settings.StoreOrDefault, mustExist: true, cancellationToken);
        var waste = store.Waste;
        var key = settings.Finding!.Trim();
        var findings = await waste.ListFindingsAsync(settings.PlaceCode, cancellationToken);
        var finding = findings.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal))
            ?? throw new CliException($"There is no finding '{key}' for place {settings.PlaceCode}; run 'totalplace waste' and copy a key from its list.");
        var state = WasteReviewSettings.ParseState(settings.State)!.Value;
        await waste.RecordDecisionAsync(settings.PlaceCode, new FindingDecision(key, state, settings.By ?? Environment.UserName, DateTimeOffset.UtcNow, settings.Note), cancellationToken);
        console.MarkupLineInterpolated($"Marked {key} ({finding.Title}) as {WasteCommand.StateName(state)}.");
        return ExitCodes.Success;
    }
}
