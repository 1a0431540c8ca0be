using TotalPlace.Reports.Html;
using TotalPlace.Reports.Pdf;
using TotalPlace.Reports.Word;

namespace TotalPlace.Reports;

/// <summary>A rendered <see cref="Document"/> as the bytes of a file: PDF (the print HTML through Chromium) or Word.
/// The CLI's <c>--format pdf|docx</c> and the web app's Download buttons both call these, so the two cannot differ.</summary>
public static class DocumentFiles
{
    /// <summary>The media type of a PDF.</summary>
    public const string PdfContentType = "application/pdf";

    /// <summary>The media type of a Word document.</summary>
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The document as an A4 PDF.</summary>
    /// <exception cref="PdfEngineMissingException">No Chromium is installed; the message says how to install it.</exception>
    public static Task<byte[]> PdfAsync(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ChromiumPdfRenderer.RenderAsync(HtmlRenderer.RenderForPrint(document), cancellationToken);
    }

    /// <summary>The document as an editable Word file.</summary>
    public static byte[] Docx(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return DocxRenderer.Render(document);
    }
}
