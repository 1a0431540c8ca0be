using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TotalPlace.Reports.Html;
using TotalPlace.Reports.Partnership;
using TotalPlace.Storage;
using TotalPlace.Web.Documents;

namespace TotalPlace.Web.Pages.Offers;

/// <summary>A saved offer's document (kind=offer), memorandum of understanding (mou), or interim or final report
/// (interim-report, final-report), as TotalPlace.Reports renders it: printable HTML, or format=pdf|docx as a download
/// named like the CLI's (<c>PLACE-YEAR-mou.pdf</c>). The /Offers folder's place-wide policy applies.</summary>
public sealed class DocumentModel(IPlaceStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? place, string? id, string? kind, string? format, CancellationToken cancellationToken)
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

        var content = string.IsNullOrEmpty(kind) ? "offer" : kind;
        var document = OfferDocuments.ByContent(offer, content);
        if (document is null)
        {
            return BadRequest(new ProblemDetails { Title = "Unknown document", Detail = $"Use kind={string.Join(", kind=", OfferDocuments.Contents)}." });
        }

        document = document with { MadeFrom = $"the store (offer {offer.Id}, version {offer.Version})" };
        return format switch
        {
            null or "" or "html" => Content(HtmlRenderer.Render(document), "text/html; charset=utf-8"),
            "pdf" => await DocumentDownload.PdfAsync(document, OfferDocuments.FileName(offer, content, "pdf"), cancellationToken),
            "docx" when content is "offer" or "mou" => DocumentDownload.Docx(document, OfferDocuments.FileName(offer, content, "docx")),
            _ => BadRequest(new ProblemDetails { Title = "Unknown format", Detail = "Use format=html or pdf (and docx for the offer and the MoU)." }),
        };
    }
}
