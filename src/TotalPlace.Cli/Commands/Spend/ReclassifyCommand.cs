using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Spend;

/// <summary>Re-applies a place's rules to every stored line, without re-importing.</summary>
public sealed class ReclassifyCommand(IAnsiConsole console) : AsyncCommand<PlaceSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PlaceSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreConnector.OpenAsync(settings.StoreOrDefault, mustExist: true, cancellationToken);
        var result = await ProgressDisplay.RunAsync(
            console,
            ProgressDisplay.IsShown(console, settings.Format),
            $"Reclassifying {settings.PlaceCode}",
            1,
            _ => store.Places.ReclassifyAsync(settings.PlaceCode, cancellationToken));
        Column[] columns =
        [
            new("Place", "place"),
            new("Lines", "lines", ColumnKind.Count),
            new("Changed", "changed", ColumnKind.Count),
            new("Distinct keys", "distinctKeys", ColumnKind.Count),
        ];
        ResultWriter.Write(console, settings.Format, TabularResult.Create("Reclassified", columns, [[settings.PlaceCode, result.Lines, result.Changed, result.DistinctKeys]]));
        return ExitCodes.Success;
    }
}
