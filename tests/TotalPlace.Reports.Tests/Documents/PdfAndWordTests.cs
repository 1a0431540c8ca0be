using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Appraisal.Uncertainty;
using TotalPlace.Core.Partnership;
using TotalPlace.Core.Partnership.Files;
using TotalPlace.Core.Partnership.Tracking;
using TotalPlace.Reports.Appraisal;
using TotalPlace.Reports.Html;
using TotalPlace.Reports.Partnership;
using TotalPlace.Reports.Pdf;
using TotalPlace.Reports.Places;
using TotalPlace.Reports.Word;
using TotalPlace.Testing;
using UglyToad.PdfPig;

namespace TotalPlace.Reports.Tests.Documents;

/// <summary>Each PDF is read back to text (PdfPig) and each Word file opened (Open XML SDK); the expected names and
/// figures are read from the raw sample file or computed here, not copied from the product's output.</summary>
[Trait("Issue", "14")]
public sealed class PdfAndWordTests
{
    private static readonly string s_offerPath = SharedData.RepositoryFile("samples/offers/gm-working-well.offer.json");

    private static Offer SampleOffer() => OfferFile.Parse(File.ReadAllText(s_offerPath)).Offer!;

    private static JsonElement Raw() => JsonDocument.Parse(File.ReadAllText(s_offerPath)).RootElement;

    private static async Task<string> PdfTextAsync(Html.Document document)
    {
        if (!ChromiumPdfRenderer.IsAvailable)
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                throw new InvalidOperationException(ChromiumPdfRenderer.InstallHint);
            }

            Assert.Skip(ChromiumPdfRenderer.InstallHint);
        }

        var bytes = await ChromiumPdfRenderer.RenderAsync(HtmlRenderer.RenderForPrint(document), TestContext.Current.CancellationToken);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        using var pdf = PdfDocument.Open(bytes);
        // Words joined by single spaces: PDF text has no reliable line structure, so names are matched word by word.
        return string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    /// <summary>Every word of <paramref name="name"/> appears in <paramref name="text"/> in order. A name in a narrow
    /// table cell wraps, and the PDF's text then interleaves its second line with the next cells' first lines.</summary>
    private static void ContainsInOrder(string name, string text)
    {
        var at = 0;
        foreach (var word in Words(name).Split(' '))
        {
            var found = text.IndexOf(word, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"\"{word}\" of \"{name}\" is not in the PDF text after position {at}");
            at = found + word.Length;
        }
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task Offer_pdf_holds_the_title_every_outcome_every_partner_and_the_pool_total()
    {
        var raw = Raw();
        var text = await PdfTextAsync(OfferDocuments.Offer(SampleOffer()) with { MadeFrom = "offer file gm-working-well.offer.json" });
        Assert.Contains(Words(raw.GetProperty("title").GetString()!), text, StringComparison.Ordinal);
        foreach (var outcome in raw.GetProperty("outcomes").EnumerateArray())
        {
            ContainsInOrder(outcome.GetProperty("name").GetString()!, text);
        }

        foreach (var partner in raw.GetProperty("partners").EnumerateArray())
        {
            ContainsInOrder(partner.GetProperty("name").GetString()!, text);
        }

        // The pool total, added up here from the raw contributions (cash + in kind).
        var total = raw.GetProperty("pool").GetProperty("contributions").EnumerateArray()
            .Sum(c => (c.TryGetProperty("cash", out var cash) ? cash.GetDecimal() : 0m) + (c.TryGetProperty("inKind", out var inKind) ? inKind.GetDecimal() : 0m));
        Assert.Contains(total.ToString("£#,0.00", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains("Made from offer file gm-working-well.offer.json", text, StringComparison.Ordinal);
        Assert.Contains("Version " + raw.GetProperty("version").GetString(), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mou_interim_and_final_pdfs_hold_every_signatory_and_outcome()
    {
        var offer = SampleOffer();
        var raw = Raw();
        var mou = await PdfTextAsync(OfferDocuments.Mou(offer));
        foreach (var partner in raw.GetProperty("partners").EnumerateArray())
        {
            foreach (var signatory in partner.GetProperty("signatories").EnumerateArray())
            {
                Assert.Contains(Words(signatory.GetProperty("name").GetString()!), mou, StringComparison.Ordinal);
            }
        }

        Assert.Contains("Signatures", mou, StringComparison.Ordinal);
        foreach (var report in new[] { OfferDocuments.Progress(offer, OutcomeTracker.Interim(offer)), OfferDocuments.Progress(offer, OutcomeTracker.Final(offer)) })
        {
            var text = await PdfTextAsync(report);
            Assert.Contains(report.Title.Split(':')[0], text, StringComparison.Ordinal);
            foreach (var outcome in raw.GetProperty("outcomes").EnumerateArray())
            {
                ContainsInOrder(outcome.GetProperty("name").GetString()!, text);
            }
        }
    }

    [Fact]
    public async Task Appraisal_pdf_holds_its_key_figures_and_real_vector_charts()
    {
        var proposal = ProposalParser.Parse(File.ReadAllText(SharedData.RepositoryFile("samples/proposals/jsa-claimants-into-work.json"))).Value;
        var result = Appraiser.Default.Appraise(proposal);
        var document = AppraisalDocument.Create(result, new DateOnly(2026, 12, 2), Tornado.Compute(proposal, Appraiser.Default));
        var html = HtmlRenderer.RenderForPrint(document);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("<polyline", html, StringComparison.Ordinal);
        var text = await PdfTextAsync(document);
        // docs/cba-method.md's worked example, stated there independently of this renderer.
        Assert.Contains("£453,391.30", text, StringComparison.Ordinal);
        Assert.Contains("£811,153.13", text, StringComparison.Ordinal);
        Assert.Contains("£357,761.83", text, StringComparison.Ordinal);
        foreach (var outcome in proposal.Outcomes)
        {
            ContainsInOrder(outcome.Name, text);
        }

        Assert.Contains("Cumulative discounted fiscal net", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Board_pack_is_one_page_with_headline_per_head_and_every_named_theme()
    {
        BoardPackLine[] themes = [new("Health and social care", 6_441_231_000m, 5), new("Housing", 791_420_000.50m, 12), new("Community safety", 739_330_000m, 9)];
        BoardPackLine[] agencies = [new("Manchester City Council", 1_470_000_000m, 10), new("Greater Manchester Police", 6_501_981_000.50m, 16)];
        var total = themes.Sum(t => t.Amount);
        var data = new BoardPackData("E11000001", "Greater Manchester", "2022-23", "published spend lines only", total, 26, 2_867_800,
            themes, agencies, [new("2021-22", total / 2, 13), new("2022-23", total / 2, 13)]);
        var document = BoardPack.Create(data, new DateOnly(2026, 12, 2)) with { MadeFrom = "store place.duckdb, import batches 1 (a.csv)" };
        var bytes = await ChromiumPdfRenderer.RenderAsync(HtmlRenderer.RenderForPrint(document), TestContext.Current.CancellationToken);
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        var text = string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains(total.ToString("£#,0.00", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains(Math.Round(total / 2_867_800m, 2, MidpointRounding.ToEven).ToString("£#,0.00", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        foreach (var theme in themes)
        {
            Assert.Contains(theme.Name, text, StringComparison.Ordinal);
        }

        Assert.Contains("import batches 1 (a.csv)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Mou_docx_uses_word_heading_styles_word_tables_and_a_signature_block_per_signatory()
    {
        var offer = SampleOffer();
        using var stream = new MemoryStream(DocxRenderer.Render(OfferDocuments.Mou(offer)));
        using var word = WordprocessingDocument.Open(stream, isEditable: false);
        var body = word.MainDocumentPart!.Document.Body!;
        var styles = word.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!, s => s.StyleName!.Val!.Value!);
        Assert.Equal("heading 1", styles["Heading1"]);
        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Contains("1. Parties", headings);
        Assert.Contains("9. Signatures", headings);
        Assert.Equal("Memorandum of understanding: " + offer.Title, body.Elements<Paragraph>().First(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Title").InnerText);
        var tables = body.Elements<Table>().ToList();
        var signatories = Raw().GetProperty("partners").EnumerateArray().SelectMany(p => p.GetProperty("signatories").EnumerateArray()).ToList();
        var signatureTables = tables.Where(t => t.GetFirstChild<TableProperties>()?.GetFirstChild<TableCaption>()?.Val?.Value?.StartsWith("Signature", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(signatories.Count, signatureTables.Count);
        foreach (var signatory in signatories)
        {
            Assert.Contains(signatureTables, t => t.InnerText.Contains(signatory.GetProperty("name").GetString()!, StringComparison.Ordinal));
        }

        var contributions = tables.Single(t => t.GetFirstChild<TableProperties>()?.GetFirstChild<TableCaption>()?.Val?.Value?.StartsWith("Contributions", StringComparison.Ordinal) == true);
        Assert.Equal(1 + offer.Partners.Count + 1, contributions.Elements<TableRow>().Count());
    }

    [Fact]
    public void Offer_docx_has_a_table_row_for_every_outcome()
    {
        var raw = Raw();
        using var stream = new MemoryStream(DocxRenderer.Render(OfferDocuments.Offer(SampleOffer())));
        using var word = WordprocessingDocument.Open(stream, isEditable: false);
        var body = word.MainDocumentPart!.Document.Body!;
        var outcomes = body.Elements<Table>().Single(t => t.GetFirstChild<TableProperties>()?.GetFirstChild<TableCaption>()?.Val?.Value?.StartsWith("Outcomes", StringComparison.Ordinal) == true);
        var names = outcomes.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().First().InnerText).ToList();
        Assert.Equal(raw.GetProperty("outcomes").EnumerateArray().Select(o => o.GetProperty("name").GetString()!).ToList(), names);
        Assert.True(outcomes.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>() is not null, "the header row repeats on each page");
    }

    [Fact]
    public void Export_names_hold_place_year_and_content()
    {
        Assert.Equal("E07000120-2023-24-board-pack.pdf", ExportNames.For("E07000120", Core.FiscalYear.Parse("2023-24"), "board pack", "pdf"));
        Assert.Equal("E11000001-all-years-board-pack.pdf", ExportNames.For("E11000001", null, "board pack", ".pdf"));
    }
}
