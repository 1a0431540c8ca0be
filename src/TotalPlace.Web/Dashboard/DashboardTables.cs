using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Dashboard;

/// <summary>The data tables behind the dashboard's charts (their text alternative and their export).</summary>
public static class DashboardTables
{
    public static IReadOnlyList<DataTable> For(DashboardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var year = view.Year?.ToString();
        string Drill(string key, string value) => "/Transactions" + QueryString.Create(
            new KeyValuePair<string, string?>[] { new("place", view.Place.Code), new(key, value), new("year", year) }).ToUriComponent();
        var shareColumns = new[]
        {
            new DataColumn("Amount", CellKind.Money),
            new DataColumn("Share", CellKind.Percent),
            new DataColumn("Per head", CellKind.Money),
            new DataColumn("Lines", CellKind.Number),
        };

        return
        [
            new DataTable(
                "by-theme",
                $"Spend by theme, {view.Place.Name} {year}",
                [new DataColumn("Theme"), .. shareColumns],
                [.. view.ByTheme.Select(r => Row(new DataCell(r.Label, Drill("theme", r.Key)), r))]),
            new DataTable(
                "by-agency",
                $"Spend by agency, {view.Place.Name} {year}",
                [new DataColumn("Agency"), .. shareColumns],
                [.. view.ByAgency.Select(r => Row(new DataCell(r.Label, Drill("agency", r.Key)), r))]),
            new DataTable(
                "by-funding",
                $"Spend by funding stream, {view.Place.Name} {year}",
                [new DataColumn("Funding stream"), .. shareColumns],
                [.. view.ByFunding.Select(r => Row(r.Label, r))]),
            new DataTable(
                "theme-agency",
                $"Spend by theme and agency (treemap), {view.Place.Name} {year}",
                [new DataColumn("Theme"), new DataColumn("Agency"), new DataColumn("Amount", CellKind.Money)],
                [.. view.Treemap.SelectMany(t => t.Children.Select(a => (IReadOnlyList<DataCell>)[t.Name, a.Name, a.Value]))]),
            new DataTable(
                "flows",
                $"Money flows: funding source to agency to theme (Sankey), {view.Place.Name} {year}",
                [new DataColumn("From"), new DataColumn("To"), new DataColumn("Amount", CellKind.Money)],
                [.. view.Sankey.Links.Select(l => (IReadOnlyList<DataCell>)[l.Source, l.Target, l.Value])]),
            new DataTable(
                "trend",
                $"Year on year, {view.Place.Name}",
                [new DataColumn("Year"), new DataColumn("Total", CellKind.Money), new DataColumn("Per head", CellKind.Money), new DataColumn("Change from previous year", CellKind.Money)],
                [.. view.Trend.Select(p => (IReadOnlyList<DataCell>)[p.Year, p.Amount, new DataCell(p.PerHead), new DataCell(p.ChangeFromPrevious)])]),
            new DataTable(
                "top-suppliers",
                $"Suppliers paid most, {view.Place.Name} {year} (published spend lines)",
                [new DataColumn("Supplier"), new DataColumn("Amount", CellKind.Money), new DataColumn("Lines", CellKind.Number), new DataColumn("Agencies paying", CellKind.Number)],
                [.. view.TopSuppliers.Select(s => (IReadOnlyList<DataCell>)
                [
                    new DataCell(s.Supplier, "/Transactions" + QueryString.Create(new KeyValuePair<string, string?>[] { new("place", view.Place.Code), new("search", s.Supplier), new("year", year), new("sort", "amount") }).ToUriComponent()),
                    s.Amount, s.Lines, s.Agencies,
                ])]),
        ];
    }

    private static IReadOnlyList<DataCell> Row(DataCell first, ShareRow row) =>
        [first, row.Amount, row.Share, new DataCell(row.PerHead), row.Lines];
}
