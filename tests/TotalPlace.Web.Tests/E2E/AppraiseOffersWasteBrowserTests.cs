using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Appraisal.Uncertainty;
using TotalPlace.Core.Partnership;
using TotalPlace.Core.Partnership.Files;
using TotalPlace.Core.Waste;
using TotalPlace.Reports.Html;
using TotalPlace.Reports.Partnership;
using TotalPlace.Web.Tests.Appraisal;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.E2E;

/// <summary>End-to-end in Debian's Chromium: appraising an uploaded proposal (and downloading it, and simulating it),
/// opening a saved offer and its document, and reviewing a waste finding.</summary>
[Collection(WebCollection.Name)]
public sealed partial class AppraiseOffersWasteBrowserTests(WebAppFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Screenshot(string name) => Path.Combine(WebAppFixture.ScreenshotFolder, name);

    private static string OfferSamplePath([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "../../../samples/offers/gm-working-well.offer.json"));

    [Fact]
    public async Task Appraise_UploadedSample_ShowsTheEnginesNpvAndBenefitCostRatio()
    {
        var expected = SampleProposals.JsaByTheEngine();
        var page = await app.NewPageAsync();

        await page.GotoAsync("/Appraise");
        await page.SetInputFilesAsync("#Upload", SampleProposals.Path(SampleProposals.JsaFileName));
        await page.ClickAsync("button:has-text('Upload and appraise')");

        var npv = page.Locator("#npv-fiscal");
        await Assertions.Expect(npv).ToBeVisibleAsync();
        Assert.Equal(expected.NpvFiscal, decimal.Parse(await npv.GetAttributeAsync("data-amount") ?? "", CultureInfo.InvariantCulture));
        Assert.Equal(Core.Money.FromPounds(expected.NpvFiscal).ToString(), (await npv.InnerTextAsync()).Trim());
        var bcr = page.Locator("#roi-fiscal");
        Assert.Equal(expected.RoiFiscal, decimal.Parse(await bcr.GetAttributeAsync("data-value") ?? "", CultureInfo.InvariantCulture));
        Assert.Equal(expected.RoiFiscal!.Value.ToString("0.00", CultureInfo.InvariantCulture) + " : 1", (await bcr.InnerTextAsync()).Trim());
        Assert.Equal(expected.ByAgency.Count, await page.Locator("table[data-table=by-agency] tbody tr").CountAsync());
        Assert.True(await page.Locator("table[data-table=sensitivity] tbody tr").CountAsync() > 0);
        await page.Locator("[data-appraisal-chart] svg").First.WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("appraise.png"), FullPage = true });

        // The workbook downloaded from the uploaded proposal holds the engine's by-agency figures.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-xlsx"));
        var path = Screenshot("appraisal-from-browser.xlsx");
        await download.SaveAsAsync(path);
        var agencies = Appraisal.WorkbookCells.Table(path, "By agency", "Agency").Where(r => (string?)r["Agency"] != "Total").ToList();
        Assert.Equal(expected.ByAgency.Select(a => a.Agency), agencies.Select(r => (string?)r["Agency"]));
        Assert.Equal(
            expected.ByAgency.Select(a => Math.Round(a.PvCosts, 2)),
            agencies.Select(r => Math.Round(Convert.ToDecimal(r["PV costs paid £"], CultureInfo.InvariantCulture), 2)));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Appraise_MonteCarloFromThePage_ShowsProgressThenTheEnginesSeededResult()
    {
        const int Iterations = 20_000;
        const ulong Seed = 42;
        var proposal = ProposalParser.Parse(SampleProposals.Jsa()).Value;
        var expected = MonteCarlo.Run(proposal, Appraiser.Default, Iterations, Seed, cancellationToken: Token);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Appraise");
        await page.SetInputFilesAsync("#Upload", SampleProposals.Path(SampleProposals.JsaFileName));
        await page.ClickAsync("button:has-text('Upload and appraise')");

        await page.FillAsync("#Iterations", Iterations.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#Seed", Seed.ToString(CultureInfo.InvariantCulture));
        await page.ClickAsync("#run-montecarlo");

        await Assertions.Expect(page).ToHaveURLAsync(MonteCarloUrl());
        await Assertions.Expect(page.Locator("#job-outcome")).ToContainTextAsync("draws done", new() { Timeout = 120_000 });
        var shown = double.Parse(await page.Locator("#p-fiscal").GetAttributeAsync("data-value") ?? "", CultureInfo.InvariantCulture);
        Assert.Equal(expected.ProbabilityNpvFiscalPositive, shown);
        var p50 = await page.Locator("table[data-table=monte-carlo] tbody tr").Nth(1).Locator("td").Nth(1).GetAttributeAsync("data-value");
        Assert.Equal((decimal)expected.NpvFiscal.P50, decimal.Parse(p50 ?? "", CultureInfo.InvariantCulture));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("monte-carlo.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Offers_OpenASavedOfferAndItsDocument_ShowsTheReportsDocument()
    {
        var offer = await SaveSampleOfferAsync();
        var expected = HtmlRenderer.Render(OfferDocuments.Offer(offer));
        var page = await app.NewPageAsync();

        await page.GotoAsync($"/Offers?place={WebAppFixture.PlaceCode}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("offers.png"), FullPage = true });
        // By its id: other tests save offers with the same title into the shared store.
        await page.Locator($"table[data-table=offers] tbody tr th a[href*='id={offer.Id}']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(offer.Title);
        await Assertions.Expect(page.Locator("table[data-table=savings], .warn").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("offer.png"), FullPage = true });
        await page.ClickAsync("#offer-document");

        await Assertions.Expect(page).ToHaveURLAsync(OfferDocumentUrl());
        var title = ExpectedHeading().Match(expected);
        Assert.True(title.Success, "The rendered offer document has a first-level heading.");
        await Assertions.Expect(page.Locator("h1").First).ToHaveTextAsync(System.Net.WebUtility.HtmlDecode(title.Groups[1].Value).Trim());
        Assert.Equal(TablePattern().Matches(expected).Count, await page.Locator("table").CountAsync());
        Assert.Equal(HeadingPattern().Matches(expected).Count, await page.Locator("h1, h2, h3").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("offer-document.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Waste_RunThenConfirmAndReject_DecisionsPersistAfterReload()
    {
        var page = await app.NewPageAsync();
        var url = $"/Waste?place={WebAppFixture.PlaceCode}";
        await page.GotoAsync(url);
        await page.ClickAsync("button:has-text('Run the analysis again')");
        await Assertions.Expect(page.Locator("table[data-table=review] tbody tr").First).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var findings = await app.Store.Waste.ListFindingsAsync(WebAppFixture.PlaceCode, Token);
        Assert.NotEmpty(findings);
        // Two findings where the seeded place has two; with one (duplicates are keyed on invoices now), the same finding
        // is confirmed, then marked a false positive, each decision checked after a reload.
        var confirm = findings[0];
        var reject = findings[^1];

        await page.Locator($"tr[data-finding='{confirm.Key}'] button[data-decide=Confirmed]").ClickAsync();
        await Assertions.Expect(page.Locator($"tr[data-finding='{confirm.Key}'] td[data-state]")).ToHaveAttributeAsync("data-state", "Confirmed");
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator($"tr[data-finding='{confirm.Key}'] td[data-state]")).ToHaveAttributeAsync("data-state", "Confirmed");
        Assert.Equal(ReviewState.Confirmed, (await app.Store.Waste.ListFindingsAsync(WebAppFixture.PlaceCode, Token)).Single(f => f.Key == confirm.Key).State);

        await page.Locator($"tr[data-finding='{reject.Key}'] button[data-decide=FalsePositive]").ClickAsync();
        // The default view (where the decision returns) leaves false positives out; the state filter shows them.
        await Assertions.Expect(page.Locator($"tr[data-finding='{reject.Key}']")).ToHaveCountAsync(0);
        await page.GotoAsync(url + "&State=FalsePositive");
        await Assertions.Expect(page.Locator($"tr[data-finding='{reject.Key}'] td[data-state]")).ToHaveAttributeAsync("data-state", "FalsePositive");
        var stored = await app.Store.Waste.ListFindingsAsync(WebAppFixture.PlaceCode, Token);
        Assert.Equal(ReviewState.FalsePositive, stored.Single(f => f.Key == reject.Key).State);
        if (reject.Key != confirm.Key)
        {
            Assert.Equal(ReviewState.Confirmed, stored.Single(f => f.Key == confirm.Key).State);
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("waste.png"), FullPage = true });

        // Back to open, so the other tests see the place as it was. A decision returns the reviewer to the same filters,
        // so the reopened finding leaves the false-positive view and is open again in the default one.
        await page.Locator($"tr[data-finding='{reject.Key}'] button[data-decide=Open]").ClickAsync();
        await Assertions.Expect(page.Locator($"tr[data-finding='{reject.Key}']")).ToHaveCountAsync(0);
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator($"tr[data-finding='{reject.Key}'] td[data-state]")).ToHaveAttributeAsync("data-state", "Open");
        if (reject.Key != confirm.Key)
        {
            await page.Locator($"tr[data-finding='{confirm.Key}'] button[data-decide=Open]").ClickAsync();
            await Assertions.Expect(page.Locator($"tr[data-finding='{confirm.Key}'] td[data-state]")).ToHaveAttributeAsync("data-state", "Open");
        }

        await page.Context.CloseAsync();
    }

    private async Task<Offer> SaveSampleOfferAsync()
    {
        var json = JsonNode.Parse(await File.ReadAllTextAsync(OfferSamplePath(), Token))!;
        json["place"] = new JsonObject { ["code"] = WebAppFixture.PlaceCode, ["name"] = "Devon" };
        var parsed = OfferFile.Parse(json.ToJsonString());
        Assert.True(parsed.Offer is not null, string.Join("; ", parsed.Issues));
        await app.Store.Partnership.SaveOfferAsync(parsed.Offer, Token);
        return (await app.Store.Partnership.LoadOfferAsync(WebAppFixture.PlaceCode, parsed.Offer.Id, Token))!;
    }

    [GeneratedRegex(@"/Appraise/MonteCarlo\?id=[0-9a-f]{32}$")]
    private static partial Regex MonteCarloUrl();

    [GeneratedRegex(@"/Offers/Document\?.*kind=offer")]
    private static partial Regex OfferDocumentUrl();

    [GeneratedRegex(@"<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex ExpectedHeading();

    [GeneratedRegex(@"<table[\s>]")]
    private static partial Regex TablePattern();

    [GeneratedRegex(@"<h[123][\s>]")]
    private static partial Regex HeadingPattern();
}
