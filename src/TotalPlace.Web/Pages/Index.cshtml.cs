using Microsoft.AspNetCore.Mvc;
using TotalPlace.Application.Counting;
using TotalPlace.Application.Places;
using TotalPlace.Core;
using TotalPlace.Storage;
using TotalPlace.Web.Dashboard;
using TotalPlace.Web.Documents;
using TotalPlace.Web.Hosting;
using TotalPlace.Web.Security;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Pages;

/// <summary>The place on one page: headline, themes, agencies, funding, treemap, Sankey and trend.</summary>
public sealed class IndexModel(DashboardService dashboard, StoreStatus status, IPlaceStore store, StoreSettings settings, TimeProvider clock) : TablePageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? Place { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    public IReadOnlyList<PlaceSummary> Places { get; private set; } = [];

    public DashboardView? View { get; private set; }

    public string? Problem { get; private set; }

    public IReadOnlyDictionary<string, DataTable> Tables { get; private set; } = new Dictionary<string, DataTable>();

    public DataTable Table(string id) => Tables[id];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // While the demo place is being built the page shows only the progress banner: a half-built place would show
        // figures that are not the place's, and reading the store while the build writes it has stalled the build.
        if (status.Snapshot().State == StoreState.BuildingDemo)
        {
            return;
        }

        var tables = await BuildTablesAsync(forExport: false, cancellationToken);
        Tables = tables.ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    /// <summary>The one-page board pack of the place and year shown (the CLI's <c>map --format pdf</c>), as a PDF
    /// download of the lines this reader may see.</summary>
    public async Task<IActionResult> OnGetBoardPackAsync(CancellationToken cancellationToken)
    {
        if (status.Snapshot().State == StoreState.BuildingDemo)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable, new ProblemDetails { Title = "The demo place is still being built", Detail = "Try again when the dashboard shows it." });
        }

        FiscalYear? year = null;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (!FiscalYear.TryParse(Year, out var parsed))
            {
                return BadRequest(new ProblemDetails { Title = "Not a financial year", Detail = $"'{Year}' is not a financial year; write it as 2024-25." });
            }

            year = parsed;
        }

        try
        {
            var (document, fileName) = await BoardPackForPlace.BuildAsync(store, new PlaceMapRequest(Place ?? "", User.VisibilityOf(), Year: year),
                BoardPackForPlace.StoreName(settings.Store), DateOnly.FromDateTime(clock.GetLocalNow().DateTime), cancellationToken);
            return await DocumentDownload.PdfAsync(document, fileName, cancellationToken);
        }
        catch (MapRequestRefusedException)
        {
            return NotFound(new ProblemDetails { Title = "No such place", Detail = $"There is no place '{Place}' in the store." });
        }
    }

    protected override async Task<IReadOnlyList<DataTable>> BuildTablesAsync(bool forExport, CancellationToken cancellationToken)
    {
        Places = await dashboard.ListPlacesAsync(cancellationToken);
        if (Places.Count == 0)
        {
            return [];
        }

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

        var code = string.IsNullOrWhiteSpace(Place) ? Places[0].Code : Place;
        View = await dashboard.GetAsync(code, year, User.VisibilityOf(), cancellationToken);
        if (View is null)
        {
            Problem = $"There is no place '{code}' in the store.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return [];
        }

        Place = View.Place.Code;
        var tables = DashboardTables.For(View).ToList();
        if (View.Year is { } shown && await ReconcilePlace.RunAsync(store, View.Place.Code, shown, cancellationToken) is { } count)
        {
            if (await SeesWholePackageAsync(View.Place.Code, shown, cancellationToken))
            {
                Count = count;
                tables.AddRange(CountedBothWays.For(count));
            }
            else
            {
                CountWithheld = true;
            }
        }

        return tables;
    }

    /// <summary>The place counted both ways (its package's reconciliation) for the year shown; null without a package.</summary>
    public Core.Counting.PlaceCount? Count { get; private set; }

    /// <summary>True when the place has a package for the year but some of its files are not yet published to this reader.</summary>
    public bool CountWithheld { get; private set; }

    // The reconciliation sums every file of the package, so a reader sees it only when every one of those batches is
    // visible to them: it must never reveal a figure built from unpublished lines.
    private async Task<bool> SeesWholePackageAsync(string place, FiscalYear year, CancellationToken cancellationToken)
    {
        var visibility = User.VisibilityOf();
        if (visibility.Kind == TotalPlace.Storage.Identity.VisibilityKind.All)
        {
            return true;
        }

        var ids = (await store.Counting.ListPackageFilesAsync(place, year, cancellationToken)).Select(f => f.BatchId).OfType<long>().ToHashSet();
        var batches = await store.Spend.ListBatchesAsync(place, cancellationToken);
        return batches.Where(b => ids.Contains(b.Id) || b.Kind == BatchKinds.Count).All(visibility.CanSee);
    }
}
