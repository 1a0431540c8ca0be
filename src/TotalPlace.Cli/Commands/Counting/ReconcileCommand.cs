using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Application.Places;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Core;
using TotalPlace.Core.Counting;

namespace TotalPlace.Cli.Commands.Counting;

/// <summary><c>reconcile</c>: a place counted both ways for one year, per partner, with coverage, reasons, flows
/// between partners taken out and the count ledger.</summary>
public sealed class ReconcileCommand(IAnsiConsole console) : AsyncCommand<ReconcileSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ReconcileSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreConnector.OpenAsync(settings.StoreOrDefault, mustExist: true, cancellationToken);
        var placeCode = PlaceOption.Normalise(settings.Place!);
        var year = PlaceOption.ParseYear(settings.Year)!.Value;
        var count = await ReconcilePlace.RunAsync(store, placeCode, year, cancellationToken)
            ?? throw new CliException($"No place package for {placeCode} {year} in the store; import one with: totalplace place import DIR --store {settings.StoreOrDefault}", ExitCodes.Failure);
        if (settings.Format == OutputFormat.Json)
        {
            ResultWriter.WriteJson(console, ToJson(count));
            return ExitCodes.Success;
        }

        ResultWriter.Write(console, settings.Format, PartnersTable(count));
        if (settings.Format == OutputFormat.Table)
        {
            ResultWriter.Write(console, settings.Format, LedgerTable(count));
            foreach (var partner in count.Partners)
            {
                console.MarkupLineInterpolated($"[bold]{partner.Partner.Name}[/]");
                foreach (var reason in partner.Reasons)
                {
                    console.MarkupLineInterpolated($"  - {reason}");
                }
            }

            foreach (var flow in count.Flows)
            {
                console.MarkupLineInterpolated($"flow: {flow.PayerName} paid {flow.PayeeName} ('{flow.SupplierAsWritten}') {Money.FromPounds(flow.Amount)} in {flow.Lines} line(s); {Money.FromPounds(flow.Eliminated)} taken out top-down, {Money.FromPounds(flow.EliminatedFromLines)} bottom-up ({flow.Note})");
            }
        }

        return ExitCodes.Success;
    }

    internal static TabularResult PartnersTable(PlaceCount count) => TabularResult.Create(
        $"{count.PlaceName} ({count.PlaceCode}) {count.Year}: top-down {Money.FromPounds(count.TotalTopDown)}, bottom-up {Money.FromPounds(count.TotalBottomUp)}, flows taken out {Money.FromPounds(count.Eliminated)}",
        [
            new Column("Partner", "name"), new Column("Code", "code"), new Column("Share", "share"), new Column("Lines total (whole body)", "transactions_total", ColumnKind.Money),
            new Column("Outturn gross", "outturn_gross", ColumnKind.Money), new Column("Outturn net", "outturn_net", ColumnKind.Money), new Column("Budget net", "budget_net", ColumnKind.Money),
            new Column("Coverage", "coverage", ColumnKind.Percent), new Column("Months", "months_loaded"),
        ],
        count.Partners.Select(r => new object?[]
        {
            r.Partner.Name, r.Partner.Code, r.Partner.Share.ToString(), r.Partner.TransactionsTotal, r.Partner.OutturnGross, r.Partner.OutturnNet, r.Partner.BudgetNet,
            r.Coverage, r.Partner.Months.ToString(),
        }));

    internal static TabularResult LedgerTable(PlaceCount count) => TabularResult.Create(
        $"Count ledger: {Money.FromPounds(count.LedgerTotal)}",
        [new Column("Partner", "partner"), new Column("Whole body", "whole", ColumnKind.Money), new Column("Share", "share"), new Column("Counted", "counted", ColumnKind.Money), new Column("Source", "source"), new Column("Why", "why")],
        count.Ledger.Select(l => new object?[] { l.Partner, l.Whole, l.Share?.Value.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture), l.Counted, l.Source, l.Why }));

    internal static JsonObject ToJson(PlaceCount count) => new()
    {
        ["place"] = count.PlaceCode,
        ["place_name"] = count.PlaceName,
        ["year"] = count.Year.ToString(),
        ["population"] = count.Population,
        ["total_top_down"] = count.TotalTopDown,
        ["total_bottom_up"] = count.TotalBottomUp,
        ["eliminated"] = count.Eliminated,
        ["eliminated_bottom_up"] = count.EliminatedFromLines,
        ["ledger_total"] = count.LedgerTotal,
        ["partners"] = new JsonArray([.. count.Partners.Select(r => (JsonNode)new JsonObject
        {
            ["key"] = r.Partner.Key,
            ["name"] = r.Partner.Name,
            ["code"] = r.Partner.Code,
            ["share"] = r.Partner.Share.Value,
            ["share_basis"] = r.Partner.Share.Basis,
            ["share_numerator"] = r.Partner.Share.Numerator,
            ["share_denominator"] = r.Partner.Share.Denominator,
            ["transactions_total"] = r.Partner.TransactionsTotal,
            ["transaction_lines"] = r.Partner.TransactionLines,
            ["outturn_gross"] = r.Partner.OutturnGross,
            ["outturn_net"] = r.Partner.OutturnNet,
            ["outturn_income"] = r.Partner.OutturnIncome,
            ["outturn_employees"] = r.Partner.OutturnEmployees,
            ["outturn_source"] = r.Partner.OutturnSource,
            ["budget_net"] = r.Partner.BudgetNet,
            ["budget_variance"] = r.BudgetVariance,
            ["coverage"] = r.Coverage,
            ["coverage_non_pay"] = r.NonPayCoverage,
            ["top_down"] = r.TopDown,
            ["bottom_up"] = r.BottomUp,
            ["months_loaded"] = r.Partner.Months.Count,
            ["months"] = r.Partner.Months.ToString(),
            ["out_of_year_lines"] = r.Partner.OutOfYearLines,
            ["out_of_year_total"] = r.Partner.OutOfYearTotal,
            ["reasons"] = new JsonArray([.. r.Reasons.Select(x => (JsonNode)x)]),
        })]),
        ["flows"] = new JsonArray([.. count.Flows.Select(f => (JsonNode)new JsonObject
        {
            ["payer"] = f.PayerName, ["payee"] = f.PayeeName, ["supplier_as_written"] = f.SupplierAsWritten, ["amount"] = f.Amount, ["lines"] = f.Lines, ["eliminated"] = f.Eliminated,
            ["eliminated_bottom_up"] = f.EliminatedFromLines, ["note"] = f.Note,
        })]),
        ["ledger"] = new JsonArray([.. count.Ledger.Select(l => (JsonNode)new JsonObject
        {
            ["partner"] = l.Partner, ["whole"] = l.Whole, ["share"] = l.Share?.Value, ["counted"] = l.Counted, ["source"] = l.Source, ["why"] = l.Why,
        })]),
    };
}
