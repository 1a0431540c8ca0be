using Spectre.Console;
using TotalPlace.Reports;
using TotalPlace.Reports.Html;
using TotalPlace.Reports.Pdf;

namespace TotalPlace.Cli.Infrastructure;

/// <summary>Writes a rendered <see cref="Document"/> as HTML, Markdown, PDF or Word: text formats may go to standard
/// output; PDF and Word always go to a file (the one named by --out, else the export name in the current folder).</summary>
internal static class DocumentOutput
{
    public static async Task<int> WriteAsync(IAnsiConsole console, Document document, DocumentFileFormat format, string? outPath,
        string defaultName, CancellationToken cancellationToken, bool announce = true)
    {
        if (format is DocumentFileFormat.Html or DocumentFileFormat.Md)
        {
            var text = format == DocumentFileFormat.Md ? MarkdownRenderer.Render(document) : HtmlRenderer.Render(document);
            if (outPath is null)
            {
                var output = console.Profile.Out.Writer;
                await output.WriteAsync(text.AsMemory(), cancellationToken);
                await output.FlushAsync(cancellationToken);
                return ExitCodes.Success;
            }

            EnsureFolder(outPath);
            await File.WriteAllTextAsync(outPath, text, cancellationToken);
        }
        else
        {
            outPath ??= defaultName;
            EnsureFolder(outPath);
            byte[] bytes;
            try
            {
                bytes = format == DocumentFileFormat.Pdf
                    ? await DocumentFiles.PdfAsync(document, cancellationToken)
                    : DocumentFiles.Docx(document);
            }
            catch (PdfEngineMissingException ex)
            {
                throw new CliException(ex.Message, ExitCodes.Usage);
            }

            await File.WriteAllBytesAsync(outPath, bytes, cancellationToken);
        }

        if (announce)
        {
            console.Profile.Out.Writer.WriteLine($"Wrote {document.Title} ({document.VersionLine}) to {outPath}");
        }

        return ExitCodes.Success;
    }

    public static string Extension(DocumentFileFormat format) => format.ToString().ToLowerInvariant();

    private static void EnsureFolder(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new CliException($"the folder for --out does not exist: {folder}", ExitCodes.Usage);
        }
    }
}
