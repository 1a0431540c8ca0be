using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TotalPlace.Reports.Html;
using TotalPlace.Reports.Partnership;
using TotalPlace.Storage;

namespace TotalPlace.Web.Pages.Offers;

/// <summary>A saved offer's printable document or memorandum of understanding, as TotalPlace.Reports renders it.</summary>
public sealed class DocumentModel(IPlaceStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? place, string? id, string? kind, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(place) || string.IsNullOrWhiteSpace(id))
        {
            return BadRequest(new ProblemDetails { Title = "Which offer?", Detail = "Give place and id." });
        }

        var offer = await store.Partnership.LoadOfferAsync(place, id, cancellationToken);
        if (offer is null)
        {
            return NotFound(new ProblemDetails { Title = "No such offer", Detail = $"{place} has no saved offer '{id}'." });
        }

        var document = kind switch
        {
            null or "" or "offer" => OfferDocuments.Offer(offer),
            "mou" => OfferDocuments.Mou(offer),
            _ => null,
        };
        return document is null
            ? BadRequest(new ProblemDetails { Title = "Unknown document", Detail = "Use kind=offer or kind=mou." })
            : Content(HtmlRenderer.Render(document), "text/html; charset=utf-8");
    }
}
