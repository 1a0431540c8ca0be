using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Demo;

namespace TotalPlace.Cli.Commands.Spend;

/// <summary>Builds the synthetic demo place (Greater Manchester-scale partners, statements and spend lines).</summary>
public sealed class DemoCommand(IAnsiConsole console) : AsyncCommand<DemoSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreConnector.OpenAsync(settings.StoreOrDefault, mustExist: false, cancellationToken);
        var options = new DemoOptions(Seed: settings.Seed, Years: settings.Years, TransactionLinesPerYear: settings.LinesPerYear);
        var summary = await ProgressDisplay.RunAsync(
            console,
            ProgressDisplay.IsShown(console, settings.Format),
            $"Building the demo place {DemoPlace.Name}",
            1 + (DemoPlace.Partners.Count * settings.Years),
            progress => DemoPlace.BuildAsync(
                store,
                options,
                new DemoProgressAdapter(progress),
                TimeProvider.System,
                cancellationToken));

        Column[] columns = [new("Item", "item"), new("Value", "value")];
        List<object?[]> rows =
        [
            ["Place", $"{summary.PlaceCode} {DemoPlace.Name} (synthetic)"],
            ["Partners", summary.Partners.ToString(Formats.EnGb)],
            .. summary.StatementTotals.OrderBy(kv => kv.Key).Select(kv => new object?[] { $"Statements {kv.Key}", Formats.Money(kv.Value) }),
            ["Transaction lines", Formats.Count(summary.TransactionLines)],
            ["Transaction total", Formats.Money(summary.TransactionTotal)],
            ["Batches added", summary.Batches.ToString(Formats.EnGb)],
        ];
        ResultWriter.Write(console, settings.Format, TabularResult.Create("Demo place built", columns, rows));
        if (settings.Format == OutputFormat.Table)
        {
            console.WriteLine($"Next: totalplace map --store {settings.StoreOrDefault} --place {summary.PlaceCode} --by theme,agency");
        }

        return ExitCodes.Success;
    }

    /// <summary>Turns the demo's step counts into the progress bar's value.</summary>
    private sealed class DemoProgressAdapter(IProgress<double> bar) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value) => bar.Report(value.Completed);
    }
}
