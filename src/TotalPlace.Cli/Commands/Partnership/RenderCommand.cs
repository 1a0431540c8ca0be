using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Core.Partnership.Tracking;
using TotalPlace.Reports.Html;
using TotalPlace.Reports.Partnership;

namespace TotalPlace.Cli.Commands.Partnership;

/// <summary>Renders the offer document, the MoU, or the interim or final report, as printable HTML or Markdown.</summary>
public class RenderCommand(IAnsiConsole console) : AsyncCommand<RenderSettings>
{
    /// <summary>Set by the <c>report</c> and <c>mou</c> verbs, which always produce one document.</summary>
    protected virtual DocumentKind? FixedDocument => null;

    public override async Task<int> ExecuteAsync(CommandContext context, RenderSettings settings, CancellationToken cancellationToken)
    {
        var offer = await OfferLoader.LoadAsync(settings.File, cancellationToken);
        var kind = FixedDocument ?? settings.Document;
        var document = kind switch
        {
            DocumentKind.Mou => OfferDocuments.Mou(offer),
            DocumentKind.Interim => OfferDocuments.Progress(offer, OutcomeTracker.Interim(offer)),
            DocumentKind.Final => OfferDocuments.Progress(offer, OutcomeTracker.Final(offer)),
            _ => OfferDocuments.Offer(offer),
        };
        var text = settings.Format == DocumentFormat.Md ? MarkdownRenderer.Render(document) : HtmlRenderer.Render(document);
        if (settings.Out is null)
        {
            var output = console.Profile.Out.Writer;
            await output.WriteAsync(text.AsMemory(), cancellationToken);
            await output.FlushAsync(cancellationToken);
            return ExitCodes.Success;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(settings.Out));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new CliException($"the folder for --out does not exist: {folder}", ExitCodes.Usage);
        }

        await File.WriteAllTextAsync(settings.Out, text, cancellationToken);
        console.Profile.Out.Writer.WriteLine($"Wrote {document.Title} ({document.VersionLine}) to {settings.Out}");
        return ExitCodes.Success;
    }
}
