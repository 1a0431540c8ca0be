using Microsoft.AspNetCore.Mvc;
using TotalPlace.Core;
using TotalPlace.Web.Dashboard;
using TotalPlace.Web.Security;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Pages;

/// <summary>Spend per head by theme across the places in the store.</summary>
public sealed class CompareModel(DashboardService dashboard) : TablePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    public CompareView? View { get; private set; }

    public string? Problem { get; private set; }

    public IReadOnlyDictionary<string, DataTable> Tables { get; private set; } = new Dictionary<string, DataTable>();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tables = (await BuildTablesAsync(forExport: false, cancellationToken)).ToDictionary(t => t.Id, StringComparer.Ordinal);

    protected override async Task<IReadOnlyList<DataTable>> BuildTablesAsync(bool forExport, CancellationToken cancellationToken)
    {
        FiscalYear? year = null;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (!FiscalYear.TryParse(Year, out var parsed))
            {
                Problem = $"'{Year}' is not a financial year; write it as 2024-25.";
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return [];
            }

            year = parsed;
        }

        View = await dashboard.CompareAsync(year, User.VisibilityOf(), cancellationToken);
        Year ??= View.Year;
        return
        [
            new DataTable(
                "places",
                "Places: total and spend per head",
                [
                    new DataColumn("Place"), new DataColumn("GSS code"), new DataColumn("Year"), new DataColumn("Population", CellKind.Number),
                    new DataColumn("Total", CellKind.Money), new DataColumn("Per head", CellKind.Money),
                ],
                [.. View.Places.Select(p => (IReadOnlyList<DataCell>)
                [
                    new DataCell(p.Place.Name, $"/?place={p.Place.Code}"), p.Place.Code, p.Year, new DataCell(p.Place.Population), p.Total, new DataCell(p.PerHead),
                ])]),
            new DataTable(
                "per-head-by-theme",
                "Spend per head by theme",
                [new DataColumn("Theme"), .. View.Places.Select(p => new DataColumn(p.Place.Name, CellKind.Money))],
                [.. View.Themes.Select(theme => (IReadOnlyList<DataCell>)
                [
                    theme, .. View.Places.Select(p => new DataCell(p.PerHeadByTheme.GetValueOrDefault(theme))),
                ])]),
        ];
    }
}
