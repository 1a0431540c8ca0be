using Microsoft.AspNetCore.Mvc;
using TotalPlace.Storage;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Pages.Offers;

/// <summary>The offers saved in the store (by the CLI's <c>offer save</c>), for one place or all.</summary>
public sealed class IndexModel(IPlaceStore store) : TablePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Place { get; set; }

    public IReadOnlyDictionary<string, DataTable> Tables { get; private set; } = new Dictionary<string, DataTable>();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tables = (await BuildTablesAsync(forExport: false, cancellationToken)).ToDictionary(t => t.Id, StringComparer.Ordinal);

    protected override async Task<IReadOnlyList<DataTable>> BuildTablesAsync(bool forExport, CancellationToken cancellationToken)
    {
        var place = string.IsNullOrWhiteSpace(Place) ? null : Place.Trim();
        var offers = await store.Partnership.ListOffersAsync(place, cancellationToken);
        return
        [
            new DataTable(
                "offers",
                place is null ? "Saved offers, every place" : $"Saved offers for {place}",
                [
                    new DataColumn("Offer"), new DataColumn("Place"), new DataColumn("Kind"), new DataColumn("Status"), new DataColumn("Starts", CellKind.Date),
                    new DataColumn("Version"), new DataColumn("Partners", CellKind.Number), new DataColumn("Outcomes", CellKind.Number),
                    new DataColumn("Pool", CellKind.Money), new DataColumn("Actuals recorded", CellKind.Number),
                ],
                [.. offers.Select(o => (IReadOnlyList<DataCell>)
                [
                    new DataCell(o.Title, $"/Offers/Show?place={Uri.EscapeDataString(o.PlaceCode)}&id={Uri.EscapeDataString(o.OfferId)}"),
                    o.PlaceCode, Dashboard.Labels.Humanize(o.Kind), Dashboard.Labels.Humanize(o.Status), new DataCell(o.StartDate), o.Version, o.Partners, o.Outcomes, o.PoolTotal, o.Actuals,
                ])],
                offers.Count == 0 ? "Save an offer with the CLI: totalplace offer save FILE." : null),
        ];
    }
}
