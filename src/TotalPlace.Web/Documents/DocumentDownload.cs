using Microsoft.AspNetCore.Mvc;
using TotalPlace.Reports;
using TotalPlace.Reports.Html;
using TotalPlace.Reports.Pdf;

namespace TotalPlace.Web.Documents;

/// <summary>A document as a file download (<c>Content-Disposition: attachment</c>), rendered by the same
/// <see cref="DocumentFiles"/> code as the CLI. When no Chromium is installed a PDF request gets a 503 problem
/// details saying how to install it, never a crash.</summary>
public static class DocumentDownload
{
    /// <summary>The document as a PDF named <paramref name="fileName"/>.</summary>
    public static async Task<IActionResult> PdfAsync(Document document, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        try
        {
            var bytes = await DocumentFiles.PdfAsync(document, cancellationToken);
            return new FileContentResult(bytes, DocumentFiles.PdfContentType) { FileDownloadName = fileName };
        }
        catch (PdfEngineMissingException ex)
        {
            return Problem(StatusCodes.Status503ServiceUnavailable, "PDF output is not available on this server", ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            return Problem(StatusCodes.Status500InternalServerError, "Chromium could not print the PDF", ex.Message);
        }
    }

    /// <summary>The document as a Word file named <paramref name="fileName"/>.</summary>
    public static IActionResult Docx(Document document, string fileName) =>
        new FileContentResult(DocumentFiles.Docx(document), DocumentFiles.DocxContentType) { FileDownloadName = fileName };

    private static ObjectResult Problem(int status, string title, string detail) =>
        new(new ProblemDetails { Status = status, Title = title, Detail = detail })
        {
            StatusCode = status,
            ContentTypes = { "application/problem+json" },
        };
}
