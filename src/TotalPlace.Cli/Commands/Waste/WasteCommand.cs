using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Core.Waste;
using TotalPlace.Storage.Waste;

namespace TotalPlace.Cli.Commands.Waste;

/// <summary>Finds waste in a place: shared suppliers, duplicate payments, services bought twice and co-location
/// candidates, as one ranked list with money at stake and review state.</summary>
public sealed class WasteCommand(IAnsiConsole console) : AsyncCommand<WasteSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, WasteSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreConnector.OpenAsync(settings.StoreOrDefault, mustExist: true, cancellationToken);
        var waste = store.Waste;
        var findings = await ProgressDisplay.RunAsync(console, ProgressDisplay.IsShown(console, settings.Format), "Finding waste", 4,
            progress => WasteRun.RunAsync(waste, settings.PlaceCode, DateTimeOffset.UtcNow, progress, cancellationToken));
        var shown = Filter(findings, settings.Kind, settings.IncludeRejected).Take(settings.Top).ToList();
        ResultWriter.Write(console, settings.Format, ToTable(shown, findings.Count));
        return ExitCodes.Success;
    }

    internal static IEnumerable<WasteFinding> Filter(IEnumerable<WasteFinding> findings, WasteKind kind, bool includeRejected) =>
        findings.Where(f => (includeRejected || f.State != ReviewState.FalsePositive) && kind switch
        {
            WasteKind.Suppliers => f.Kind == FindingKind.SharedSupplier,
            WasteKind.Duplicates => f.Kind == FindingKind.DuplicatePayment,
            WasteKind.Overlap => f.Kind == FindingKind.ServiceOverlap,
            WasteKind.Assets => f.Kind == FindingKind.CoLocation,
            _ => true,
        });

    internal static TabularResult ToTable(IReadOnlyList<WasteFinding> findings, int found)
    {
        Column[] columns =
        [
            new("#", "rank", ColumnKind.Count),
            new("Kind", "kind"),
            new("Money at stake", "moneyAtStake", ColumnKind.Money),
            new("Finding", "title"),
            new("State", "state"),
            new("Key", "key"),
            new("Explanation", "explanation", InTable: false),
            new("Note", "note", InTable: false),
        ];
        var rows = findings.Select((f, i) => new object?[]
        {
            (long)(i + 1), KindName(f.Kind), f.MoneyAtStake, f.Title, StateName(f.State), f.Key, string.Join(" ", f.Explanation), f.Note,
        });
        var footer = $"{Formats.Count(findings.Count)} of {Formats.Count(found)} findings shown, {Formats.Money(findings.Where(f => f.State != ReviewState.FalsePositive).Sum(f => f.MoneyAtStake))} at stake. Review one with: totalplace waste review --finding KEY --state confirmed|false-positive";
        return TabularResult.Create("Waste findings", columns, rows, footer);
    }

    internal static string KindName(FindingKind kind) => kind switch
    {
        FindingKind.SharedSupplier => "shared supplier",
        FindingKind.DuplicatePayment => "duplicate payment",
        FindingKind.ServiceOverlap => "bought twice",
        _ => "co-location",
    };

    internal static string StateName(ReviewState state) => state switch
    {
        ReviewState.Confirmed => "confirmed",
        ReviewState.FalsePositive => "false positive",
        _ => "open",
    };
}
