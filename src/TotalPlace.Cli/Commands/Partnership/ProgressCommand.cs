using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Core.Partnership.Tracking;

namespace TotalPlace.Cli.Commands.Partnership;

/// <summary>Outcome progress against targets with RAG status, on the interim report date or at the end of the term.</summary>
public sealed class ProgressCommand(IAnsiConsole console) : AsyncCommand<ProgressSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ProgressSettings settings, CancellationToken cancellationToken)
    {
        var offer = await OfferLoader.LoadAsync(settings.File, cancellationToken);
        var report = settings.Final ? OutcomeTracker.Final(offer) : OutcomeTracker.Interim(offer);
        ResultWriter.Write(console, settings.Format, ToTable(report));
        return ExitCodes.Success;
    }

    internal static TabularResult ToTable(ProgressReport report)
    {
        Column[] columns =
        [
            new("Outcome", "outcome"),
            new("Baseline", "baseline"),
            new("Target", "target"),
            new("Latest actual", "actual"),
            new("Measured", "measuredOn", ColumnKind.Date),
            new("Progress", "progress", ColumnKind.Percent),
            new("Expected", "expected", ColumnKind.Percent),
            new("Status", "status"),
        ];
        var rows = report.Outcomes.Select(p => new object?[]
        {
            p.Outcome.Name,
            p.Outcome.Baseline?.Value,
            p.Outcome.Target?.Value,
            p.Latest?.Value,
            p.Latest?.Date,
            p.Progress is { } progress ? Math.Round(progress, 6) : null,
            Math.Round(p.Expected, 6),
            p.Status.ToString(),
        });
        var kind = report.Kind == ReportKind.Interim ? "Interim" : "Final";
        var footer = $"{kind} report at {Formats.Date(report.AsOf)}: {report.Count(Rag.Green)} green, {report.Count(Rag.Amber)} amber, {report.Count(Rag.Red)} red, {report.Count(Rag.NotMeasured)} not measured; pool spend {Formats.Money(report.Spent.Pounds)} of {Formats.Money(report.Budget.Pounds)}";
        return TabularResult.Create($"{kind} report: outcomes against trajectory", columns, rows, footer);
    }
}
