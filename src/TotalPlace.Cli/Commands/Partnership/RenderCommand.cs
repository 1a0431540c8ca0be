using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Reports.Partnership;

namespace TotalPlace.Cli.Commands.Partnership;

/// <summary>Renders the offer document, the MoU, or the interim or final report, as HTML, Markdown, PDF or Word.</summary>
public class RenderCommand(IAnsiConsole console) : AsyncCommand<RenderSettings>
{
    /// <summary>Set by the <c>report</c> and <c>mou</c> verbs, which always produce one document.</summary>
    protected virtual DocumentKind? FixedDocument => null;

    public override async Task<int> ExecuteAsync(CommandContext context, RenderSettings settings, CancellationToken cancellationToken)
    {
        var offer = await OfferLoader.LoadAsync(settings.File, cancellationToken);
        var kind = FixedDocument ?? settings.Document;
        var content = kind switch
        {
            DocumentKind.Mou => "mou",
            DocumentKind.Interim => "interim-report",
            DocumentKind.Final => "final-report",
            _ => "offer",
        };
        var document = OfferDocuments.ByContent(offer, content)! with
        {
            MadeFrom = $"offer file {Path.GetFileName(settings.File)} (offer {offer.Id}, version {offer.Version})",
        };
        var defaultName = OfferDocuments.FileName(offer, content, DocumentOutput.Extension(settings.Format));
        return await DocumentOutput.WriteAsync(console, document, settings.Format, settings.Out, defaultName, cancellationToken);
    }
}
