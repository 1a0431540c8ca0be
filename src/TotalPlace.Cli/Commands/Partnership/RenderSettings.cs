using System.ComponentModel;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Partnership;

/// <summary>Settings for rendering an offer's documents.</summary>
public class RenderSettings : OfferFileSettings
{
    [CommandOption("-d|--document <DOCUMENT>")]
    [Description("Which document: offer, mou, interim or final. `offer report` and `offer mou` set it for you.")]
    [DefaultValue(DocumentKind.Offer)]
    public DocumentKind Document { get; set; } = DocumentKind.Offer;

    [CommandOption("-f|--format <FORMAT>")]
    [Description("html (printable), md (Markdown), pdf (A4, printed by Chromium) or docx (Word, editable).")]
    [DefaultValue(DocumentFileFormat.Html)]
    public DocumentFileFormat Format { get; set; } = DocumentFileFormat.Html;

    [CommandOption("-o|--out <PATH>")]
    [Description("Where to write the document; html and md go to standard output when not given, pdf and docx to PLACE-YEAR-DOCUMENT.EXT in the current folder.")]
    public string? Out { get; set; }
}
