using TotalPlace.Core.Counting;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Dashboard;

/// <summary>The tables of a place counted both ways (a place package's reconciliation): each partner's two counts
/// with share, basis, coverage and months; the count ledger; the flows between partners taken out. Every figure says
/// which source it comes from: "statement" (an official return) or "lines" (published transaction lines).</summary>
public static class CountedBothWays
{
    public static IReadOnlyList<DataTable> For(PlaceCount count)
    {
        ArgumentNullException.ThrowIfNull(count);
        var year = count.Year.ToString();
        string Drill(string agency) => "/Transactions" + QueryString.Create(
            new KeyValuePair<string, string?>[] { new("place", count.PlaceCode), new("agency", agency), new("year", year) }).ToUriComponent();
        return
        [
            new DataTable(
                "count-partners",
                $"Each partner counted both ways, {count.PlaceName} {year} (whole body, before the share)",
                [
                    new DataColumn("Partner"), new DataColumn("Code"), new DataColumn("Share"), new DataColumn("Share basis"),
                    new DataColumn("Lines (whole body, from lines)", CellKind.Money), new DataColumn("Months loaded"),
                    new DataColumn("Gross outturn (statement)", CellKind.Money), new DataColumn("Net outturn (statement)", CellKind.Money),
                    new DataColumn("Net budget (statement)", CellKind.Money), new DataColumn("Coverage", CellKind.Percent),
                    new DataColumn("Top-down for the place (statement)", CellKind.Money), new DataColumn("Bottom-up for the place (lines)", CellKind.Money),
                ],
                [.. count.Partners.Select(r => (IReadOnlyList<DataCell>)
                [
                    r.Partner.Name, r.Partner.Code, r.Partner.Share.Value.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture), ShareText(r.Partner.Share),
                    new DataCell(r.Partner.TransactionsTotal), r.Partner.TransactionsTotal is null ? "no lines" : r.Partner.Months.ToString(),
                    new DataCell(r.Partner.OutturnGross), new DataCell(r.Partner.OutturnNet), new DataCell(r.Partner.BudgetNet), new DataCell(r.Coverage),
                    r.TopDown, r.BottomUp,
                ])]),
            new DataTable(
                "count-ledger",
                $"Count ledger, {count.PlaceName} {year}: each partner's figure, its source and why",
                [
                    new DataColumn("Partner"), new DataColumn("Whole body", CellKind.Money), new DataColumn("Share"),
                    new DataColumn("Counted for the place", CellKind.Money), new DataColumn("Source"), new DataColumn("Why"),
                ],
                [.. count.Ledger.Select(l => (IReadOnlyList<DataCell>)
                [
                    l.Partner, l.Whole, l.Share?.Value.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture),
                    new DataCell(l.Counted, l.Source == "statement" ? Drill(l.Partner) : l.Source == "eliminated" ? Drill(TopDownCount.FlowsAgency) : null),
                    l.Source, l.Why,
                ])]),
            new DataTable(
                "count-flows",
                $"Flows between partners, {count.PlaceName} {year} (from the payers' lines)",
                [
                    new DataColumn("Payer"), new DataColumn("Payee"), new DataColumn("As written"), new DataColumn("Amount (whole body)", CellKind.Money),
                    new DataColumn("Lines", CellKind.Number), new DataColumn("Taken out top-down", CellKind.Money), new DataColumn("Taken out bottom-up", CellKind.Money),
                    new DataColumn("Why"),
                ],
                [.. count.Flows.Select(f => (IReadOnlyList<DataCell>)
                [
                    f.PayerName, f.PayeeName, f.SupplierAsWritten, f.Amount, f.Lines, f.Eliminated, f.EliminatedFromLines, f.Note,
                ])]),
        ];
    }

    private static string ShareText(PartnerShare share) => share.Numerator is { } n && share.Denominator is { } d
        ? $"{n:#,0.##} / {d:#,0.##}: {share.Basis}"
        : share.Basis;
}
