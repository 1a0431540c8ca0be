using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TotalPlace.Core.Waste;
using TotalPlace.Storage.Waste;
using TotalPlace.Web.Tests.Infrastructure;
using TotalPlace.Web.Tests.Waste;

namespace TotalPlace.Web.Tests.E2E;

/// <summary>In Debian's Chromium: a waste run started from the page goes to the background, the page shows the run
/// and lands on its findings, which page (50 a page), filter by money at stake, and take a false positive.</summary>
[Collection(WebCollection.Name)]
public sealed partial class WasteReviewBrowserTests(WebAppFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Waste_RunFromThePageThenPageFilterAndRejectOne_TheReviewFollowsTheStore()
    {
        await PlantedSpend.SeedAsync(app.Store, Token);
        var page = await app.NewPageAsync();
        var url = $"/Waste?place={PlantedSpend.PlaceCode}";
        await page.GotoAsync(url);

        await page.ClickAsync("button:has-text('Run the analysis again')");

        // The request came back at once with the run queued: the page names the job and follows it to its outcome.
        await Assertions.Expect(page).ToHaveURLAsync(JobUrl());
        await Assertions.Expect(page.Locator("#job h2")).ToHaveTextAsync($"Waste analysis for {PlantedSpend.PlaceCode}");
        await Assertions.Expect(page.Locator("#job-outcome")).ToContainTextAsync($"found {PlantedSpend.Pairs} findings", new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("#job")).ToHaveAttributeAsync("data-state", "Succeeded");

        // Landed on the results: the first 50 of the 60 planted duplicates, largest money first, and a next page.
        var rows = page.Locator("table[data-table=review] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(50);
        var largest = Enumerable.Range(0, PlantedSpend.Pairs).Select(PlantedSpend.Amount).Max();
        await Assertions.Expect(rows.First.Locator("td").Nth(1)).ToHaveTextAsync(Tables.CellFormat.Display(largest, Tables.CellKind.Money));
        await page.ClickAsync("a[rel=next]");
        await Assertions.Expect(rows).ToHaveCountAsync(PlantedSpend.Pairs - 50);
        await Assertions.Expect(page.Locator("a[rel=next]")).ToHaveCountAsync(0);

        // Filtered by money at stake: the pairs paid at least £5,000, counted from the test's own input.
        await page.FillAsync("#minMoney", "5000");
        await page.ClickAsync("button:has-text('Show findings')");
        var atLeast = Enumerable.Range(0, PlantedSpend.Pairs).Count(i => PlantedSpend.Amount(i) >= 5_000m);
        await Assertions.Expect(rows).ToHaveCountAsync(atLeast);
        await Assertions.Expect(page.Locator("table[data-table=findings] caption")).ToContainTextAsync($"{atLeast} match");

        // A false positive leaves the default view, on the same filtered page, and the store keeps the decision.
        var key = await rows.First.GetAttributeAsync("data-finding") ?? "";
        await rows.First.Locator("button[data-decide=FalsePositive]").ClickAsync();
        await Assertions.Expect(page.Locator($"tr[data-finding='{key}']")).ToHaveCountAsync(0);
        await Assertions.Expect(rows).ToHaveCountAsync(atLeast - 1);
        Assert.Contains("minMoney=5000", page.Url, StringComparison.Ordinal);
        var stored = await app.Store.Waste.FindFindingAsync(PlantedSpend.PlaceCode, key, Token);
        Assert.Equal(ReviewState.FalsePositive, stored?.State);
        Assert.Equal(FindingKind.DuplicatePayment, stored?.Kind);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, "waste-review.png"), FullPage = true });

        // Shown again under the false-positive filter, and reopened.
        await page.GotoAsync(url + "&state=FalsePositive");
        await Assertions.Expect(page.Locator($"tr[data-finding='{key}'] td[data-state]")).ToHaveAttributeAsync("data-state", "FalsePositive");
        await page.Locator($"tr[data-finding='{key}'] button[data-decide=Open]").ClickAsync();
        await Assertions.Expect(page.Locator($"tr[data-finding='{key}']")).ToHaveCountAsync(0);
        Assert.Equal(ReviewState.Open, (await app.Store.Waste.FindFindingAsync(PlantedSpend.PlaceCode, key, Token))?.State);
        var all = await app.Store.Waste.ListFindingsAsync(PlantedSpend.PlaceCode, new WasteFindingQuery { PageSize = 0 }, Token);
        Assert.Equal(PlantedSpend.Pairs, all.TotalCount);
        Assert.Equal(PlantedSpend.Pairs, all.Items.Count(f => f.Kind == FindingKind.DuplicatePayment));
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"/Waste\?place=E10000030&job=[0-9a-f]{32}$")]
    private static partial Regex JobUrl();
}
