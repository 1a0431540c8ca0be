using Microsoft.AspNetCore.Mvc;
using TotalPlace.Application.Counting;
using TotalPlace.Storage;
using TotalPlace.Web.Dashboard;
using TotalPlace.Web.Security;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Pages.Batches;

/// <summary>One batch's provenance, the rows it left out and why, and (when asked) the line at one source row;
/// publishing (administrators and the board) and deleting (administrators, or the batch's own agency analyst).</summary>
public sealed class DetailModel(IPlaceStore store, DashboardService dashboard, TimeProvider clock) : TablePageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    /// <summary>A source row to show, as linked from a transaction line.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Row { get; set; }

    public ImportBatch? Batch { get; private set; }

    public TransactionRow? Line { get; private set; }

    public IReadOnlyDictionary<string, DataTable> Tables { get; private set; } = new Dictionary<string, DataTable>();

    /// <summary>The batch exists but is another agency's and unpublished, so this reader may not see it.</summary>
    public bool Hidden { get; private set; }

    public bool CanPublish => User.CanPublish();

    public bool CanDelete => Batch is not null && User.CanWrite(Batch.PlaceCode, Batch.Agency);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var tables = await BuildTablesAsync(forExport: false, cancellationToken);
        if (Hidden)
        {
            return User.RoleOf() is null ? Challenge() : Forbid();
        }

        if (Batch is null)
        {
            return NotFound();
        }

        Tables = tables.ToDictionary(t => t.Id, StringComparer.Ordinal);
        if (Row is { } row && Batch.Kind == BatchKinds.Transactions)
        {
            Line = await FindLineAsync(Batch, row, cancellationToken);
        }

        return Page();
    }

    protected override async Task<IReadOnlyList<DataTable>> BuildTablesAsync(bool forExport, CancellationToken cancellationToken)
    {
        Batch = await Api.BatchesApi.FindAsync(store, Id, cancellationToken);
        if (Batch is not null && !User.VisibilityOf().CanSee(Batch))
        {
            (Batch, Hidden) = (null, true);
        }

        if (Batch is null)
        {
            return [];
        }

        return
        [
            new DataTable(
                "rejects",
                $"Rows left out of {Batch.FileName}",
                [new DataColumn("Row", CellKind.Number), new DataColumn("Column"), new DataColumn("Value"), new DataColumn("Problem")],
                [.. Batch.Rejects.Select(r => (IReadOnlyList<DataCell>)[r.Row, r.Column, r.Value, r.Message])],
                $"{Batch.Rejects.Count:N0} rows left out"),
        ];
    }

    public Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken) => PublishAsync(true, cancellationToken);

    public Task<IActionResult> OnPostUnpublishAsync(CancellationToken cancellationToken) => PublishAsync(false, cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        var batch = await Api.BatchesApi.FindAsync(store, Id, cancellationToken);
        if (batch is null)
        {
            return NotFound();
        }

        if (!User.CanWrite(batch.PlaceCode, batch.Agency))
        {
            return User.RoleOf() is null ? Challenge() : Forbid();
        }

        await store.Spend.DeleteBatchAsync(Id, cancellationToken);
        dashboard.Cache.Invalidate();
        TempData["Message"] = $"Batch {batch.Id} ({batch.FileName}) was deleted with its {batch.RowsLoaded:N0} lines.";
        return RedirectToPage("Index", new { place = batch.PlaceCode });
    }

    private async Task<IActionResult> PublishAsync(bool published, CancellationToken cancellationToken)
    {
        if (!User.CanPublish())
        {
            return User.RoleOf() is null ? Challenge() : Forbid();
        }

        var batch = await store.Spend.SetPublishedAsync(Id, published, User.Identity?.Name ?? "unknown", clock.GetUtcNow(), cancellationToken);
        if (batch is null)
        {
            return NotFound();
        }

        dashboard.Cache.Invalidate();
        return RedirectToPage(new { id = Id });
    }

    // Source rows are not contiguous (banners, blank lines, footers, rejects), so page through the batch in
    // source-row order from an estimate until the page that holds the row is found.
    private async Task<TransactionRow?> FindLineAsync(ImportBatch batch, int row, CancellationToken cancellationToken)
    {
        const int size = 500;
        var drill = new DrillIntoFigure(store);
        var page = Math.Max(1, ((row - 2) / size) + 1);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var result = await drill.ListAsync(
                new TransactionsRequest(batch.PlaceCode, User.VisibilityOf(), Sort: "source_row", Descending: false, PageNumber: page, PageSize: size, BatchId: batch.Id),
                cancellationToken);
            if (result.Items.Count == 0)
            {
                if (page == 1)
                {
                    return null;
                }

                page--;
                continue;
            }

            if (result.Items[0].SourceRow > row && page > 1)
            {
                page--;
            }
            else if (result.Items[^1].SourceRow < row && (long)page * size < result.TotalCount)
            {
                page++;
            }
            else
            {
                return result.Items.FirstOrDefault(t => t.SourceRow == row);
            }
        }

        return null;
    }
}
