using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Appraisal.Uncertainty;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Appraisals;

/// <summary>The appraisal's tables as the page shows them and as CSV exports them: cash flows by year, who pays and
/// who benefits, and sensitivity (tornado bars with switching values). Figures are unrounded.</summary>
public static class AppraisalTables
{
    /// <summary>The table ids, in page order.</summary>
    public static IReadOnlyList<string> Ids { get; } = ["years", "by-agency", "sensitivity"];

    public static IReadOnlyList<DataTable> Build(AppraisalOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Result is not { } result)
        {
            return [];
        }

        return [Years(result), ByAgency(result), Sensitivity(outcome.Tornado ?? [], outcome.Switching ?? [])];
    }

    private static DataTable Years(AppraisalResult result) => new(
        "years",
        $"Costs and benefits by year ({result.PriceBase})",
        [
            new DataColumn("Year"), new DataColumn("t", CellKind.Number), new DataColumn("Costs", CellKind.Money),
            new DataColumn("Fiscal benefits", CellKind.Money), new DataColumn("of which cashable", CellKind.Money),
            new DataColumn("Economic", CellKind.Money), new DataColumn("Social", CellKind.Money),
            new DataColumn("Discount factor", CellKind.Number), new DataColumn("Discounted fiscal net", CellKind.Money),
            new DataColumn("Cumulative discounted fiscal net", CellKind.Money),
        ],
        [.. result.Years.Select(y => (IReadOnlyList<DataCell>)
        [
            y.FiscalYear.ToString(), y.T, y.Costs, y.Fiscal, y.FiscalCashable, y.Economic, y.Social,
            y.DiscountFactor, y.DiscountedFiscalNet, y.CumulativeDiscountedFiscalNet,
        ])]);

    private static DataTable ByAgency(AppraisalResult result) => new(
        "by-agency",
        "Who pays and who benefits (present values)",
        [
            new DataColumn("Agency"), new DataColumn("PV costs", CellKind.Money), new DataColumn("PV fiscal benefits", CellKind.Money),
            new DataColumn("of which cashable", CellKind.Money), new DataColumn("Net", CellKind.Money),
        ],
        [.. result.ByAgency.Select(a => (IReadOnlyList<DataCell>)[a.Agency, a.PvCosts, a.PvFiscalBenefits, a.PvFiscalCashable, a.NetFiscal])]);

    private static DataTable Sensitivity(IReadOnlyList<TornadoBar> tornado, IReadOnlyList<SwitchingValue> switching)
    {
        var byPath = switching.ToDictionary(s => s.Path, StringComparer.Ordinal);
        return new DataTable(
            "sensitivity",
            "Sensitivity: fiscal NPV with each input at its low and high value, the others at base (widest first)",
            [
                new DataColumn("Input"), new DataColumn("Base", CellKind.Number), new DataColumn("Low", CellKind.Number),
                new DataColumn("High", CellKind.Number), new DataColumn("Fiscal NPV at low", CellKind.Money),
                new DataColumn("Fiscal NPV at high", CellKind.Money), new DataColumn("Swing", CellKind.Money),
                new DataColumn("Switching value", CellKind.Number),
            ],
            [.. tornado.Select(b => (IReadOnlyList<DataCell>)
            [
                b.Path, b.Base, b.Low, b.High, b.NpvFiscalAtLow, b.NpvFiscalAtHigh, b.Swing,
                byPath.TryGetValue(b.Path, out var s) && s.Value is { } v ? new DataCell(v) : new DataCell(null),
            ])],
            tornado.Count == 0 ? "No input moves the fiscal NPV." : "A blank switching value means no value in the input's valid range makes the fiscal NPV zero.");
    }
}
