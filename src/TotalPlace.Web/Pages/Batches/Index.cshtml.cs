using Microsoft.AspNetCore.Mvc;
using TotalPlace.Storage;
using TotalPlace.Web.Dashboard;
using TotalPlace.Web.Security;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Pages.Batches;

/// <summary>The provenance list: every committed batch, newest first.</summary>
public sealed class IndexModel(IPlaceStore store, DashboardService dashboard) : TablePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Place { get; set; }

    public IReadOnlyList<PlaceSummary> Places { get; private set; } = [];

    public DataTable? Table { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Table = (await BuildTablesAsync(forExport: false, cancellationToken))[0];

    protected override async Task<IReadOnlyList<DataTable>> BuildTablesAsync(bool forExport, CancellationToken cancellationToken)
    {
        Places = await dashboard.ListPlacesAsync(cancellationToken);
        var batches = await store.Spend.ListBatchesAsync(string.IsNullOrWhiteSpace(Place) ? null : Place, User.VisibilityOf(), cancellationToken);
        return
        [
            new DataTable(
                "batches",
                "Import batches, newest first",
                [
                    new DataColumn("Batch", CellKind.Number),
                    new DataColumn("File"),
                    new DataColumn("Place"),
                    new DataColumn("Agency"),
                    new DataColumn("Kind"),
                    new DataColumn("Rows read", CellKind.Number),
                    new DataColumn("Rows loaded", CellKind.Number),
                    new DataColumn("Rows rejected", CellKind.Number),
                    new DataColumn("Total", CellKind.Money),
                    new DataColumn("Imported by"),
                    new DataColumn("Imported at", CellKind.Date),
                    new DataColumn("SHA-256"),
                    new DataColumn("Published"),
                ],
                [.. batches.Select(b => (IReadOnlyList<DataCell>)
                [
                    new DataCell(b.Id, $"/Batches/Detail?id={b.Id}"),
                    b.FileName,
                    b.PlaceCode,
                    b.Agency,
                    b.Kind,
                    b.RowsRead,
                    b.RowsLoaded,
                    b.RowsRejected,
                    b.Total,
                    b.ImportedBy,
                    new DataCell(b.ImportedAt),
                    b.Sha256,
                    b.PublishedAt is { } at ? $"{CellFormat.Display(at, CellKind.Date)} by {b.PublishedBy}" : "not published",
                ])],
                $"{batches.Count:N0} batches"),
        ];
    }
}
