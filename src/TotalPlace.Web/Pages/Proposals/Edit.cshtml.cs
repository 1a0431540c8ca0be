using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TotalPlace.Core;
using TotalPlace.Core.Appraisal;
using TotalPlace.Storage;
using TotalPlace.Storage.Identity;
using TotalPlace.Storage.Partnership;
using TotalPlace.Web.Security;

namespace TotalPlace.Web.Pages.Proposals;

/// <summary>The proposal editor: a saved proposal, a built-in template or a blank proposal, edited in the browser. The
/// page carries the proposal file's JSON; the form edits it in place (fields it does not show, such as the
/// uncertainty list, travel unchanged); every change is appraised on the server by the application's use case
/// (<c>POST /api/proposals/appraise</c>) and the figures redrawn; unit costs are picked by searching the Unit Cost
/// Database (<c>GET /api/unit-costs</c>); the proposal is saved through <c>POST /api/places/{code}/proposals</c> and
/// attached to an offer through <c>…/{id}/attach</c>.</summary>
public sealed class EditModel(IPlaceStore store, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Place { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Template { get; set; }

    public string ProposalJson { get; private set; } = "{}";

    public string PlaceCode { get; private set; } = "";

    public string? PlaceName { get; private set; }

    public string? AttachedOffer { get; private set; }

    public bool IsNew => string.IsNullOrWhiteSpace(Id);

    public string Source { get; private set; } = "";

    /// <summary>The offers it can be attached to, when the reader may attach (administrators and the board).</summary>
    public IReadOnlyList<OfferSummary> Offers { get; private set; } = [];

    public bool CanSave => User.RoleOf() is UserRole.Administrator or UserRole.AgencyAnalyst;

    public bool CanAttach => User.RoleOf() is UserRole.Administrator or UserRole.Board;

    public static IReadOnlyCollection<string> Templates => ProposalTemplates.Names;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var places = await store.Places.ListPlacesAsync(cancellationToken);
        var place = places.FirstOrDefault(p => string.Equals(p.Code, Place?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (place is null && !string.IsNullOrWhiteSpace(Place))
        {
            return NotFound();
        }

        place ??= places.FirstOrDefault();
        PlaceCode = place?.Code ?? "";
        PlaceName = place?.Name;
        if (!IsNew)
        {
            var stored = PlaceCode.Length == 0 ? null : await store.Proposals.LoadProposalAsync(PlaceCode, Id!.Trim(), cancellationToken);
            if (stored is null)
            {
                return NotFound();
            }

            Id = stored.Id;
            ProposalJson = stored.Document;
            AttachedOffer = stored.OfferId;
            Source = $"saved proposal {stored.Id}, last saved by {stored.SavedBy} on {stored.SavedAt.UtcDateTime:d MMMM yyyy HH:mm} UTC";
        }
        else if (!string.IsNullOrWhiteSpace(Template))
        {
            if (!Templates.Contains(Template.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                return NotFound();
            }

            ProposalJson = ProposalTemplates.Get(Template.Trim());
            Source = $"template {IndexModel.TemplateName(Template.Trim())}";
        }
        else
        {
            ProposalJson = Blank(FiscalYear.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
            Source = "a blank proposal";
        }

        if (CanAttach && PlaceCode.Length > 0)
        {
            Offers = await store.Partnership.ListOffersAsync(PlaceCode, cancellationToken);
        }

        return Page();
    }

    /// <summary>A proposal with one cohort, one cost and one outcome without values: a start the editor fills in.</summary>
    /// <remarks>The price base is last year, or the deflator's last year when its series ends sooner; the proposal
    /// starts the year after the price base, so the engine can appraise it as it stands.</remarks>
    private static string Blank(FiscalYear thisYear)
    {
        var years = Appraiser.Default.Deflator.Years.ToList();
        var priceBase = years.Where(y => y.StartYear <= thisYear.Previous.StartYear).DefaultIfEmpty(years[^1]).MaxBy(y => y.StartYear);
        return Blank(priceBase, years.Any(y => y.StartYear == priceBase.Next.StartYear) ? priceBase.Next : priceBase);
    }

    private static string Blank(FiscalYear priceBase, FiscalYear start) => new JsonObject
    {
        ["name"] = "New proposal",
        ["price_base"] = priceBase.ToString(),
        ["start_year"] = start.ToString(),
        ["horizon_years"] = 5,
        ["discount"] = "standard",
        ["cohorts"] = new JsonArray(new JsonObject { ["year"] = 0, ["referrals"] = 100 }),
        ["engagement"] = 0.8,
        ["costs"] = new JsonArray(new JsonObject
        {
            ["agency"] = "Local authority",
            ["kind"] = "revenue",
            ["amount"] = 1000,
            ["per"] = "engaged",
            ["price_year"] = priceBase.ToString(),
            ["optimism_bias"] = 0.1,
            ["description"] = "Support per person engaged",
        }),
        ["outcomes"] = new JsonArray(new JsonObject
        {
            ["name"] = "Outcome",
            ["success"] = 0.3,
            ["deadweight"] = 0.2,
            ["attribution"] = 0.1,
            ["displacement"] = 0,
            ["lag_years"] = 0,
            ["duration_years"] = 2,
            ["drop_off"] = 0.2,
            ["values"] = new JsonArray(),
        }),
    }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
}
