using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TotalPlace.Cli.Commands.Partnership;

/// <summary>Settings for rendering an offer's documents.</summary>
public class RenderSettings : OfferFileSettings
{
    [CommandOption("-d|--document <DOCUMENT>")]
    [Description("Which document: offer, mou, interim or final. `offer report` and `offer mou` set it for you.")]
    [DefaultValue(DocumentKind.Offer)]
    public DocumentKind Document { get; set; } = DocumentKind.Offer;

    [CommandOption("-f|--format <FORMAT>")]
    [Description("html (printable: print to PDF from a browser) or md (Markdown, for editing).")]
    [DefaultValue(DocumentFormat.Html)]
    public DocumentFormat Format { get; set; } = DocumentFormat.Html;

    [CommandOption("-o|--out <PATH>")]
    [Description("Where to write the document; standard output when not given.")]
    public string? Out { get; set; }

    public override ValidationResult Validate()
    {
        var baseResult = base.Validate();
        if (!baseResult.Successful)
        {
            return baseResult;
        }

        return Format == DocumentFormat.Pdf
            ? ValidationResult.Error("--format pdf is not built in: render --format html and use the browser's Print > Save as PDF (the page is laid out for A4).")
            : ValidationResult.Success();
    }
}
