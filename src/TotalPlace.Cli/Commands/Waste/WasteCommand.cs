using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Application.Waste;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Core.Waste;
using TotalPlace.Storage.Identity;

namespace TotalPlace.Cli.Commands.Waste;

/// <summary>Finds waste in a place: shared suppliers, duplicate payments, services bought twice and co-location
/// candidates, as one ranked list with money at stake and review state.</summary>
public sealed class WasteCommand(IAnsiConsole console) : AsyncCommand<WasteSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, WasteSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreConnector.OpenAsync(settings.StoreOrDefault, mustExist: true, cancellationToken);
        var run = new RunWasteAnalysis(store, TimeProvider.System);
        // The local user sees the whole place. A bar with the phase and the lines read on a terminal; nothing with
        // --format json or redirected output.
        WasteAnalysisResult result;
        try
        {
            result = await ProgressDisplay.RunWithStepsAsync(console, ProgressDisplay.IsShown(console, settings.Format), "Finding waste",
                bar => run.ExecuteAsync(new RunWasteAnalysisRequest(settings.PlaceCode, Visibility.All), new Reporter(p => bar.Report((p.Fraction, p.Message))), cancellationToken));
        }
        catch (WasteRequestRefusedException ex)
        {
            throw new CliException(ex.Message);
        }

        var listed = Filter(result.Findings, settings.Kind, settings.IncludeRejected).ToList();
        // A table is read by a person, so it shows the top 50 unless told otherwise; CSV and JSON are read by programs
        // and list every finding the default view holds, unless --top is given.
        var limit = settings.Top ?? (settings.Format == OutputFormat.Table ? WasteSettings.DefaultTableTop : int.MaxValue);
        var shown = listed.Take(limit).ToList();
        if (settings.Format == OutputFormat.Json)
        {
            ResultWriter.WriteJson(console, ToJson(shown));
        }
        else
        {
            ResultWriter.Write(console, settings.Format, ToTable(shown, listed.Count));
        }

        return ExitCodes.Success;
    }

    /// <summary>One object a finding: kind, score, money at stake (and, for estimates, the spend it applies to and the
    /// assumption), and for duplicates both lines as a reviewer looks them up.</summary>
    internal static JsonArray ToJson(IReadOnlyList<WasteFinding> findings) =>
        [.. findings.Select((f, i) => (JsonNode)new JsonObject
        {
            ["rank"] = i + 1,
            ["key"] = f.Key,
            ["kind"] = KindName(f.Kind),
            ["score"] = f.Score is { } score ? JsonValue.Create(score) : null,
            ["money_at_stake"] = f.MoneyAtStake,
            ["spend_concerned"] = f.SpendConcerned is { } spend ? JsonValue.Create(spend) : null,
            ["assumption"] = f.Assumption,
            ["title"] = f.Title,
            ["state"] = StateName(f.State),
            ["note"] = f.Note,
            ["partners"] = new JsonArray([.. f.Partners.Select(p => (JsonNode?)JsonValue.Create(p))]),
            ["explanation"] = string.Join(" ", f.Explanation),
            ["lines"] = new JsonArray([.. f.Lines.Select(l => (JsonNode?)new JsonObject
            {
                ["partner"] = l.Agency,
                ["file"] = l.File,
                ["row"] = l.Row,
                ["date"] = Formats.Date(l.Date),
                ["amount"] = l.Amount,
                ["supplier"] = l.Supplier,
                ["invoice_number"] = l.InvoiceNumber,
                ["transaction_number"] = l.TransactionNumber,
            })]),
        })];

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
            new("Money at stake", "money_at_stake", ColumnKind.Money),
            new("Score", "score", ColumnKind.Text),
            new("Spend concerned", "spend_concerned", ColumnKind.Money),
            new("Assumption", "assumption", InTable: false),
            new("Finding", "title"),
            new("State", "state"),
            new("Key", "key"),
            new("Explanation", "explanation", InTable: false),
            new("Note", "note", InTable: false),
        ];
        var rows = findings.Select((f, i) => new object?[]
        {
            (long)(i + 1), KindName(f.Kind), f.MoneyAtStake, f.Score?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), f.SpendConcerned, f.Assumption, f.Title, StateName(f.State), f.Key, string.Join(" ", f.Explanation), f.Note,
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

    /// <summary>Passes each report on at once, on the run's thread.</summary>
    private sealed class Reporter(Action<WasteRunProgress> report) : IProgress<WasteRunProgress>
    {
        public void Report(WasteRunProgress value) => report(value);
    }

    internal static string StateName(ReviewState state) => state switch
    {
        ReviewState.Confirmed => "confirmed",
        ReviewState.FalsePositive => "false positive",
        _ => "open",
    };
}
