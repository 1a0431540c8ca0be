using System.Text.Json.Nodes;
using TotalPlace.Cli.Tests.Infrastructure;
using TotalPlace.Testing;

namespace TotalPlace.Cli.Tests.Partnership;

/// <summary>The offer verbs in-process (<see cref="InProcessCli"/>) on the Greater Manchester sample offer; the PDF
/// written into the working directory runs the real binary, since only a process has its own working directory.</summary>
public sealed class OfferCommandsTests
{
    private static readonly string s_sample = SharedData.RepositoryFile("samples/offers/gm-working-well.offer.json");

    private static JsonObject SampleJson() => JsonNode.Parse(File.ReadAllText(s_sample))!.AsObject();

    [Fact]
    public async Task Validate_SampleOffer_ExitsZero()
    {
        var result = (await InProcessCli.RunAsync("offer", "validate", s_sample)).ShouldSucceed();

        Assert.Contains("may be submitted", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_OfferWithProblems_ExitsNonZeroListingEachOnItsOwnLine()
    {
        using var temp = new TempFolder();
        var json = SampleJson();
        json["outcomes"] = new JsonArray();
        json["appraisals"] = new JsonArray();
        json["actuals"] = new JsonArray();
        json["kind"] = "innovativePolicy";
        json["partners"]![1]!["signatories"] = new JsonArray();
        json["pool"]!["totals"]!["2027-28"] = 1m;
        var file = temp.File("bad.offer.json");
        await File.WriteAllTextAsync(file, json.ToJsonString(), TestContext.Current.CancellationToken);

        var result = await InProcessCli.RunAsync("offer", "validate", file);

        Assert.NotEqual(0, result.ExitCode);
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("$.policyDomain:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("$.partners[1].signatories:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("$.pool.totals[\"2027-28\"]:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("$.outcomes:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("$.appraisals:", StringComparison.Ordinal));
        Assert.Contains("5 problems", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsNonZeroWithOneLine()
    {
        var result = await InProcessCli.RunAsync("offer", "validate", "/no/such/offer.json");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("offer file not found", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Savings_Json_SharesEachYearToThePennyOfThePartnersBenefits()
    {
        var result = (await InProcessCli.RunAsync("offer", "savings", s_sample, "--format", "json")).ShouldSucceed();

        var rows = JsonNode.Parse(result.StdOut)!.AsArray();
        var json = SampleJson();
        var partners = json["partners"]!.AsArray().Select(p => (string)p!["name"]!).ToHashSet();
        var flows = json["appraisals"]![0]!["byAgency"]!.AsArray().Where(f => partners.Contains((string)f!["agency"]!)).ToList();
        foreach (var year in flows.Select(f => (string)f!["year"]!).Distinct())
        {
            var benefits = flows.Where(f => (string)f!["year"]! == year).Sum(f => (decimal)f!["benefit"]!);
            var shared = rows.Where(r => (string)r!["year"]! == year).Sum(r => (decimal)r!["receives"]!);
            Assert.Equal(benefits, shared);
        }
    }

    [Fact]
    public async Task Report_Html_WritesThePrintableOfferWithItsVersion()
    {
        using var temp = new TempFolder();
        var output = temp.File("offer.html");

        (await InProcessCli.RunAsync("offer", "report", s_sample, "--format", "html", "--out", output)).ShouldSucceed();

        var html = await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("Version 1.0, 24 November 2026", html, StringComparison.Ordinal);
        Assert.Contains("£37,950,000.00", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mou_Markdown_HasASignatureLineForEachPartner()
    {
        var result = (await InProcessCli.RunAsync("offer", "mou", s_sample, "--format", "md")).ShouldSucceed();

        var partners = SampleJson()["partners"]!.AsArray().Count;
        Assert.Equal(partners, result.StdOut.Split("Signed: ").Length - 1);
    }

    [Fact]
    [Trait("Issue", "14")]
    public async Task Report_Pdf_WritesAPdfNamedByPlaceYearAndContent_HoldingTheOfferNameAndEveryOutcome()
    {
        RequireChromium();
        var folder = Directory.CreateTempSubdirectory("totalplace-cli-pdf-").FullName;
        try
        {
            var result = (await CliRunner.RunInAsync(folder, "offer", "report", s_sample, "--format", "pdf")).ShouldSucceed();

            var json = SampleJson();
            var start = DateOnly.Parse((string)json["startDate"]!, System.Globalization.CultureInfo.InvariantCulture);
            var fiscalStart = start.Month >= 4 ? start.Year : start.Year - 1;
            var expectedName = $"{(string)json["place"]!["code"]!}-{fiscalStart}-{(fiscalStart + 1) % 100:D2}-offer.pdf";
            Assert.Contains(expectedName, result.StdOut, StringComparison.Ordinal);
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(Path.Combine(folder, expectedName));
            var text = string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            AssertWordsInOrder((string)json["title"]!, text);
            foreach (var outcome in json["outcomes"]!.AsArray())
            {
                AssertWordsInOrder((string)outcome!["name"]!, text);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    [Trait("Issue", "14")]
    public async Task Mou_Docx_WritesAWordFileWithHeadingStylesAndOneSignatureTablePerSignatory()
    {
        var folder = Directory.CreateTempSubdirectory("totalplace-cli-docx-").FullName;
        try
        {
            var path = Path.Combine(folder, "mou.docx");
            (await InProcessCli.RunAsync("offer", "mou", s_sample, "--format", "docx", "--out", path)).ShouldSucceed();

            using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(path, isEditable: false);
            var body = word.MainDocumentPart!.Document.Body!;
            var headings = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
                .Count(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1");
            Assert.True(headings >= 9, $"{headings} Heading 1 paragraphs");
            var signatories = SampleJson()["partners"]!.AsArray().Sum(p => p!["signatories"]!.AsArray().Count);
            var signatureTables = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>()
                .Count(t => t.InnerText.StartsWith("For", StringComparison.Ordinal) && t.InnerText.Contains("Signature", StringComparison.Ordinal));
            Assert.Equal(signatories, signatureTables);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void RequireChromium()
    {
        if (TotalPlace.Reports.Pdf.ChromiumPdfRenderer.IsAvailable)
        {
            return;
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            throw new InvalidOperationException(TotalPlace.Reports.Pdf.ChromiumPdfRenderer.InstallHint);
        }

        Assert.Skip(TotalPlace.Reports.Pdf.ChromiumPdfRenderer.InstallHint);
    }

    // A name in a narrow table cell wraps, and the PDF's text then interleaves its lines with the next cells'.
    private static void AssertWordsInOrder(string name, string text)
    {
        var at = 0;
        foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var found = text.IndexOf(word, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"\"{word}\" of \"{name}\" is not in the PDF text after position {at}");
            at = found + word.Length;
        }
    }

    [Fact]
    public async Task Progress_Interim_ReportsRagPerOutcomeAndPoolSpend()
    {
        var result = (await InProcessCli.RunAsync("offer", "progress", s_sample, "--format", "json")).ShouldSucceed();

        var rows = JsonNode.Parse(result.StdOut)!.AsArray();
        Assert.Equal(SampleJson()["outcomes"]!.AsArray().Count, rows.Count);
        Assert.All(rows, r => Assert.Contains((string)r!["status"]!, new[] { "Green", "Amber", "Red", "NotMeasured" }));
    }

    [Fact]
    public async Task SaveListShow_RoundTripTheOfferThroughTheStore()
    {
        using var temp = new TempFolder();
        var store = temp.File("place.duckdb");
        var shown = temp.File("shown.offer.json");

        (await InProcessCli.RunAsync("offer", "save", s_sample, "--store", store)).ShouldSucceed();
        var list = (await InProcessCli.RunAsync("offer", "list", "--store", store, "--format", "json")).ShouldSucceed();
        (await InProcessCli.RunAsync("offer", "show", "gm-working-well-2027", "--store", store, "--place", "e11000001", "--out", shown)).ShouldSucceed();

        var row = Assert.Single(JsonNode.Parse(list.StdOut)!.AsArray())!;
        var contributions = SampleJson()["pool"]!["contributions"]!.AsArray();
        Assert.Equal(contributions.Sum(c => (decimal)c!["cash"]! + (decimal)c!["inKind"]!), (decimal)row["poolTotal"]!);
        Assert.Equal("E11000001", (string)row["place"]!);
        (await InProcessCli.RunAsync("offer", "validate", shown)).ShouldSucceed();
        var before = (await InProcessCli.RunAsync("offer", "savings", s_sample, "--format", "csv")).ShouldSucceed().StdOut;
        var after = (await InProcessCli.RunAsync("offer", "savings", shown, "--format", "csv")).ShouldSucceed().StdOut;
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Show_UnknownOffer_ExitsNonZero()
    {
        using var temp = new TempFolder();
        var store = temp.File("place.duckdb");
        (await InProcessCli.RunAsync("offer", "save", s_sample, "--store", store)).ShouldSucceed();

        var result = await InProcessCli.RunAsync("offer", "show", "nope", "--store", store, "--place", "E11000001");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no offer 'nope'", result.StdErr, StringComparison.Ordinal);
    }
}
