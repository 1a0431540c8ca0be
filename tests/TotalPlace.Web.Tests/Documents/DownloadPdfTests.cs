using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using TotalPlace.Core;
using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Partnership;
using TotalPlace.Core.Partnership.Files;
using TotalPlace.Reports;
using TotalPlace.Reports.Partnership;
using TotalPlace.Reports.Pdf;
using TotalPlace.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace TotalPlace.Web.Tests.Documents;

/// <summary>The Download PDF (and Word) buttons through the real server: each answers with the right media type and
/// the CLI's file name as an attachment, and the PDF's text (read back with PdfPig) holds the key figure or name.</summary>
[Collection(WebCollection.Name)]
[Trait("Issue", "14")]
public sealed partial class DownloadPdfTests(WebAppFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string OfferSamplePath([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "../../../samples/offers/gm-working-well.offer.json"));

    private async Task<Offer> SaveSampleOfferAsync()
    {
        var json = JsonNode.Parse(await File.ReadAllTextAsync(OfferSamplePath(), Token))!;
        json["place"] = new JsonObject { ["code"] = WebAppFixture.PlaceCode, ["name"] = "Devon" };
        var parsed = OfferFile.Parse(json.ToJsonString());
        Assert.True(parsed.Offer is not null, string.Join("; ", parsed.Issues));
        await app.Store.Partnership.SaveOfferAsync(parsed.Offer, Token);
        return (await app.Store.Partnership.LoadOfferAsync(WebAppFixture.PlaceCode, parsed.Offer.Id, Token))!;
    }

    private static void RequireChromium()
    {
        if (!ChromiumPdfRenderer.IsAvailable)
        {
            Assert.Fail(ChromiumPdfRenderer.InstallHint);
        }
    }

    /// <summary>Checks the response is an attached PDF named <paramref name="fileName"/> and returns its words joined
    /// by single spaces (PDF text has no reliable line structure).</summary>
    private static async Task<string> PdfTextAsync(HttpResponseMessage response, string fileName)
    {
        var body = await response.Content.ReadAsByteArrayAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        Assert.Equal(DocumentFiles.PdfContentType, response.Content.Headers.ContentType?.MediaType);
        AssertAttachment(response.Content.Headers.ContentDisposition, fileName);
        Assert.Equal("%PDF-"u8.ToArray(), body[..5]);
        using var pdf = PdfDocument.Open(body);
        return string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    private static void AssertAttachment(ContentDispositionHeaderValue? disposition, string fileName)
    {
        Assert.Equal("attachment", disposition?.DispositionType);
        Assert.Equal(fileName, disposition?.FileNameStar ?? disposition?.FileName?.Trim('"'));
    }

    /// <summary>Every word of <paramref name="name"/> appears in <paramref name="text"/> in order (a name in a narrow
    /// table cell wraps, and the PDF's text then interleaves its lines with the next cells').</summary>
    private static void ContainsInOrder(string name, string text)
    {
        var at = 0;
        foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var found = text.IndexOf(word, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"\"{word}\" of \"{name}\" is not in the PDF text after position {at}");
            at = found + word.Length;
        }
    }

    [Theory]
    [InlineData("offer")]
    [InlineData("mou")]
    [InlineData("interim-report")]
    [InlineData("final-report")]
    public async Task OfferPage_DownloadPdf_IsTheOffersDocumentNamedLikeTheCli(string kind)
    {
        RequireChromium();
        var offer = await SaveSampleOfferAsync();
        var show = await app.Client.GetStringAsync($"/Offers/Show?place={WebAppFixture.PlaceCode}&id={offer.Id}", Token);
        var href = WebUtility.HtmlDecode(Regex.Match(show, $"href=\"([^\"]*kind={Regex.Escape(kind)}&amp;format=pdf)\"").Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(href), $"the offer page has no Download PDF link for {kind}");

        using var response = await app.Client.GetAsync(href, Token);
        var text = await PdfTextAsync(response, OfferDocuments.FileName(offer, kind, "pdf"));

        Assert.Matches(@"^E10000008-\d{4}-\d{2}-[a-z-]+\.pdf$", OfferDocuments.FileName(offer, kind, "pdf"));
        ContainsInOrder(offer.Title, text);
        if (kind is "offer" or "interim-report" or "final-report")
        {
            foreach (var outcome in offer.Outcomes)
            {
                ContainsInOrder(outcome.Name, text);
            }
        }
    }

    [Theory]
    [InlineData("offer")]
    [InlineData("mou")]
    public async Task OfferPage_DownloadWord_IsAnEditableDocumentNamedLikeTheCli(string kind)
    {
        var offer = await SaveSampleOfferAsync();
        var show = await app.Client.GetStringAsync($"/Offers/Show?place={WebAppFixture.PlaceCode}&id={offer.Id}", Token);
        Assert.Contains($"kind={kind}&amp;format=docx", show, StringComparison.Ordinal);

        using var response = await app.Client.GetAsync($"/Offers/Document?place={WebAppFixture.PlaceCode}&id={offer.Id}&kind={kind}&format=docx", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocumentFiles.DocxContentType, response.Content.Headers.ContentType?.MediaType);
        AssertAttachment(response.Content.Headers.ContentDisposition, OfferDocuments.FileName(offer, kind, "docx"));
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Token));
        using var word = WordprocessingDocument.Open(stream, false);
        var body = word.MainDocumentPart!.Document!.Body!;
        Assert.Contains(offer.Title, body.InnerText, StringComparison.Ordinal);
        Assert.NotEmpty(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>());
    }

    [Fact]
    public async Task AppraisePage_DownloadPdf_HoldsTheProposalAndItsFiscalNpv()
    {
        RequireChromium();
        var template = ProposalTemplates.Names.First();
        var json = ProposalTemplates.Get(template);
        var expected = Appraiser.Default.Appraise(ProposalParser.Parse(json).Value);
        using var client = new FormClient(app.BaseAddress);
        var page = $"/Appraise?template={template}";
        var html = await client.Http.GetStringAsync(page, Token);
        Assert.Contains("id=\"download-pdf\"", html, StringComparison.Ordinal);
        var token = await client.TokenFromAsync(page, Token);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ProposalJson"] = json,
        });
        using var response = await client.Http.PostAsync("/Appraise?handler=download&format=pdf", form, Token);
        var slug = Regex.Replace(expected.Proposal.Name.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        var text = await PdfTextAsync(response, $"{slug[..Math.Min(60, slug.Length)]}-{expected.Proposal.StartYear}-appraisal-summary.pdf");

        ContainsInOrder(expected.Proposal.Name, text);
        Assert.Contains(Money.FromPounds(expected.NpvFiscal).ToString(), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_DownloadPdf_IsTheBoardPackWithTheStoresTotal()
    {
        RequireChromium();
        var html = await app.Client.GetStringAsync($"/?place={WebAppFixture.PlaceCode}", Token);
        var href = WebUtility.HtmlDecode(Regex.Match(html, "id=\"board-pack-pdf\" download href=\"([^\"]+)\"").Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(href), "the dashboard has no Download PDF link for the board pack");
        var year = FiscalYear.Parse(Regex.Match(href, @"year=(\d{4}-\d{2})").Groups[1].Value);

        using var response = await app.Client.GetAsync(href, Token);
        var text = await PdfTextAsync(response, ExportNames.For(WebAppFixture.PlaceCode, year, "board pack", "pdf"));

        Assert.Equal($"{WebAppFixture.PlaceCode}-{year}-board-pack.pdf", ExportNames.For(WebAppFixture.PlaceCode, year, "board pack", "pdf"));
        Assert.Contains(Money.FromPounds(await app.StoreTotalAsync(year)).ToString(), text, StringComparison.Ordinal);
        Assert.Contains(WebAppFixture.PlaceCode, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfferPage_ClickDownloadPdfInTheBrowser_ReceivesTheMouAsAPdf()
    {
        var offer = await SaveSampleOfferAsync();
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/Offers/Show?place={WebAppFixture.PlaceCode}&id={offer.Id}");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#mou-pdf"));

        Assert.Equal(OfferDocuments.FileName(offer, "mou", "pdf"), download.SuggestedFilename);
        var path = Path.Combine(WebAppFixture.ScreenshotFolder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        using (var pdf = PdfDocument.Open(path))
        {
            ContainsInOrder(offer.Title, string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)));
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DownloadPdf_NoChromium_AnswersWithTheInstallInstructionNotACrash()
    {
        var offer = await SaveSampleOfferAsync();
        var before = Environment.GetEnvironmentVariable("TOTALPLACE_CHROMIUM");
        Environment.SetEnvironmentVariable("TOTALPLACE_CHROMIUM", Path.Combine(app.Folder, "no-such-chromium"));
        try
        {
            using var response = await app.Client.GetAsync($"/Offers/Document?place={WebAppFixture.PlaceCode}&id={offer.Id}&kind=mou&format=pdf", Token);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!;
            Assert.Equal(ChromiumPdfRenderer.InstallHint, (string?)problem["detail"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TOTALPLACE_CHROMIUM", before);
        }
    }
}
