using System.Diagnostics;
using System.Globalization;

namespace TotalPlace.Reports.Pdf;

/// <summary>
/// Prints the same self-contained HTML the documents already render (inline CSS, inline SVG charts, no scripts) to an
/// A4 PDF through headless Chromium, so the PDF and the HTML cannot drift apart and charts stay vector graphics.
/// </summary>
/// <remarks>Chromium is the Debian package the browser tests already install (test-setup/install-chromium.sh).
/// <c>TOTALPLACE_CHROMIUM</c> names another binary. Each print gets its own throwaway profile folder, so prints may
/// run side by side.</remarks>
public static class ChromiumPdfRenderer
{
    /// <summary>The one-line instruction shown wherever a PDF is asked for and no Chromium is installed.</summary>
    public const string InstallHint = "PDF output needs Chromium: run 'sudo apt-get install -y chromium' (./test.sh installs it), or set TOTALPLACE_CHROMIUM to a Chromium or Chrome binary.";

    private static readonly string[] s_candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    /// <summary>The Chromium binary that will print, or null when none is installed.</summary>
    public static string? FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable("TOTALPLACE_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return s_candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>True when a PDF can be printed on this machine.</summary>
    public static bool IsAvailable => FindChromium() is not null;

    /// <summary>Prints <paramref name="html"/> (a whole page) to PDF and returns its bytes.</summary>
    /// <exception cref="PdfEngineMissingException">No Chromium is installed.</exception>
    /// <exception cref="InvalidOperationException">Chromium ran but wrote no PDF; the message carries its error output.</exception>
    public static async Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        var chromium = FindChromium() ?? throw new PdfEngineMissingException(InstallHint);
        var work = Directory.CreateTempSubdirectory("totalplace-pdf-");
        try
        {
            var page = Path.Combine(work.FullName, "document.html");
            var pdf = Path.Combine(work.FullName, "document.pdf");
            await File.WriteAllTextAsync(page, html, cancellationToken);
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--no-first-run",
                "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
                $"--user-data-dir={Path.Combine(work.FullName, "profile")}",
                $"--print-to-pdf={pdf}",
                new Uri(page).AbsoluteUri,
            ])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {chromium}");
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            await Task.WhenAll(stderr, stdout);
            if (!File.Exists(pdf) || new FileInfo(pdf).Length == 0)
            {
                var lastLines = string.Join(" | ", (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3));
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"{chromium} wrote no PDF (exit code {process.ExitCode}): {lastLines}"));
            }

            return await File.ReadAllBytesAsync(pdf, cancellationToken);
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium's helpers may still hold the profile for a moment; the temp folder is cleaned by the OS.
            }
        }
    }
}
