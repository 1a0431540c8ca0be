using TotalPlace.Core;
using TotalPlace.Web.Dashboard;
using TotalPlace.Web.Hosting;
using TotalPlace.Web.Security;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Pages;

/// <summary>The place on one page: headline, themes, agencies, funding, treemap, Sankey and trend.</summary>
public sealed class IndexModel(DashboardService dashboard, StoreStatus status) : TablePageModel
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
        return DashboardTables.For(View);
    }
}
