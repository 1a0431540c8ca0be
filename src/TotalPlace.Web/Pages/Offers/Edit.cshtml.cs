using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TotalPlace.Core;
using TotalPlace.Core.Partnership.Files;
using TotalPlace.Storage;
using TotalPlace.Web.Security;

namespace TotalPlace.Web.Pages.Offers;

/// <summary>The offer editor: a new offer, or a saved one opened for editing, in the browser. The page carries the
/// offer file's JSON; the form edits it in place (fields it does not show travel unchanged), checks it as it is typed
/// with the same reader and validator as the CLI (<c>POST /api/offers/check</c>) and saves it through
/// <c>POST /api/offers</c>. An offer file can be opened from disk and the offer downloaded as one.</summary>
[Authorize(Policy = Policies.Approver)]
public sealed class EditModel(IPlaceStore store, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Place { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    public string OfferJson { get; private set; } = "{}";

    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Place) && !string.IsNullOrWhiteSpace(Id))
        {
            var offer = await store.Partnership.LoadOfferAsync(Place.Trim(), Id.Trim(), cancellationToken);
            if (offer is null)
            {
                return NotFound();
            }

            OfferJson = OfferFile.Write(offer);
            return Page();
        }

        IsNew = true;
        var places = await store.Places.ListPlacesAsync(cancellationToken);
        var place = places.FirstOrDefault(p => string.Equals(p.Code, Place?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? places.FirstOrDefault();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var start = FiscalYear.Containing(today).Next.Start;
        OfferJson = new JsonObject
        {
            ["id"] = "",
            ["version"] = "0.1",
            ["date"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["title"] = "",
            ["place"] = new JsonObject { ["code"] = place?.Code ?? "", ["name"] = place?.Name ?? "" },
            ["kind"] = "single",
            ["scope"] = "",
            ["startDate"] = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["termYears"] = 3,
            ["interimReportDate"] = start.AddMonths(18).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["status"] = "draft",
            ["partners"] = new JsonArray(),
            ["pool"] = new JsonObject
            {
                ["kind"] = "pooled",
                ["accountableBody"] = "",
                ["contributions"] = new JsonArray(),
                ["riskShare"] = new JsonObject { ["rule"] = "proportional" },
                ["savingsShare"] = new JsonObject { ["rule"] = "proportional" },
            },
            ["outcomes"] = new JsonArray(),
            ["engagement"] = new JsonArray(),
            ["governance"] = new JsonObject { ["boardMembers"] = new JsonArray(), ["decisionRule"] = "", ["disputeRule"] = "" },
        }.ToJsonString();
        return Page();
    }
}
