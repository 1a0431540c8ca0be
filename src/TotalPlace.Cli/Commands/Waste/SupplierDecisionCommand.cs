using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Application.Waste;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Core.Waste;

namespace TotalPlace.Cli.Commands.Waste;

/// <summary>Records a reviewer's supplier merge or split; it wins over the algorithm on every later run.</summary>
public abstract class SupplierDecisionCommand(IAnsiConsole console, SupplierDecisionKind kind) : AsyncCommand<SupplierDecisionSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SupplierDecisionSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreConnector.OpenAsync(settings.StoreOrDefault, mustExist: true, cancellationToken);
        SupplierDecision decision;
        try
        {
            decision = await new RecordSupplierDecision(store, TimeProvider.System).ExecuteAsync(new RecordSupplierDecisionRequest(settings.PlaceCode, kind, settings.NameA, settings.NameB, settings.Note), cancellationToken);
        }
        catch (WasteRequestRefusedException ex)
        {
            throw new CliException(ex.Message);
        }

        console.MarkupLineInterpolated($"{(kind == SupplierDecisionKind.Merge ? "Merged" : "Split")} \"{decision.NameA}\" and \"{decision.NameB}\"; run 'totalplace waste' to see the effect.");
        return ExitCodes.Success;
    }
}

/// <summary>Says two published supplier names are one supplier.</summary>
public sealed class SupplierMergeCommand(IAnsiConsole console) : SupplierDecisionCommand(console, SupplierDecisionKind.Merge);

/// <summary>Says two published supplier names are different suppliers.</summary>
public sealed class SupplierSplitCommand(IAnsiConsole console) : SupplierDecisionCommand(console, SupplierDecisionKind.Split);
