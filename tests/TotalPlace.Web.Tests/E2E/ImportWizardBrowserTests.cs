using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TotalPlace.Testing;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.E2E;

/// <summary>The import wizard in Debian's Chromium: a file whose header is not on the first row and whose amount
/// column has an unusual name is read by pointing at the header row and picking the amount column; the next file from
/// the same publisher with the same header is read with that mapping by itself.</summary>
[Collection(WebCollection.Name)]
[Trait("Issue", "11")]
public sealed partial class ImportWizardBrowserTests(WebAppFixture app)
{
    private const string Publisher = "Hyndburn Widgets Authority";

    [Fact]
    public async Task Wizard_ClickHeaderRowAndPickAmount_StoresTheFilesTotalAndTheNextFileIsMappedByItself()
    {
        var ct = TestContext.Current.CancellationToken;
        var firstText = UnusualLayoutFile.Text(11, 60);
        var firstName = $"widgets-{Guid.NewGuid():N}.csv"[..20] + ".csv";
        var page = await app.NewPageAsync();

        // The reader cannot settle the file by itself.
        await UploadAsync(page, firstName, Encoding.UTF8.GetBytes(firstText));
        await Assertions.Expect(page.Locator("#validation-status")).ToContainTextAsync("found");
        Assert.Equal(0, await page.Locator("#raw-rows tr.chosen").CountAsync());
        await Assertions.Expect(page.Locator("#raw-rows tbody tr")).ToHaveCountAsync(Pages.Import.ReviewModel.RawRowsShown);

        // Click the header row: the page is read again from it.
        await page.Locator($"#raw-rows tr[data-line='{UnusualLayoutFile.HeaderLine}'] td:nth-child(3)").ClickAsync();
        await Assertions.Expect(page.Locator($"#raw-rows tr.chosen[data-line='{UnusualLayoutFile.HeaderLine}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#col-Amount option[value='4']")).ToHaveTextAsync("4: Quantum");

        // Pick the amount column: the preview follows.
        await page.Locator("#col-Amount").SelectOptionAsync("4");
        await Assertions.Expect(page.Locator("#col-Amount-evidence")).ToHaveTextAsync("your choice");
        await Assertions.Expect(page.Locator("#validation-status")).ToContainTextAsync("No problems found");
        var firstExpected = UnusualLayoutFile.IndependentTotal(firstText);
        Assert.Equal(firstExpected, await AmountAsync(page.Locator("#upload-total")));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, "import-wizard.png"), FullPage = true });

        await page.ClickAsync("#commit");
        await Assertions.Expect(page.Locator("#job-outcome")).ToContainTextAsync("Stored");
        var first = Assert.Single(await app.Store.Spend.ListBatchesAsync(WebAppFixture.PlaceCode, ct), b => b.FileName == firstName);
        Assert.Equal(firstExpected, first.Total);
        Assert.Equal(UnusualLayoutFile.IndependentCount(firstText), first.RowsLoaded);

        // The next file from the publisher, same header one row lower, is mapped by itself.
        var secondText = "Second banner line,,,,\n" + UnusualLayoutFile.Text(12, 45);
        var secondName = "second-" + firstName;
        await UploadAsync(page, secondName, Encoding.UTF8.GetBytes(secondText));
        await Assertions.Expect(page.Locator("#mapping-remembered")).ToContainTextAsync($"Mapping remembered from {firstName}");
        await Assertions.Expect(page.Locator("#validation-status")).ToContainTextAsync("No problems found");
        await Assertions.Expect(page.Locator($"#raw-rows tr.chosen[data-line='{UnusualLayoutFile.HeaderLine + 1}']")).ToHaveCountAsync(1);
        var secondExpected = UnusualLayoutFile.IndependentTotal(secondText);
        Assert.Equal(secondExpected, await AmountAsync(page.Locator("#upload-total")));
        await page.ClickAsync("#commit");
        await Assertions.Expect(page.Locator("#job-outcome")).ToContainTextAsync("Stored");
        var second = Assert.Single(await app.Store.Spend.ListBatchesAsync(WebAppFixture.PlaceCode, ct), b => b.FileName == secondName);
        Assert.Equal(secondExpected, second.Total);
        await page.Context.CloseAsync();
    }

    private static async Task<decimal> AmountAsync(ILocator locator) =>
        decimal.Parse(await locator.GetAttributeAsync("data-amount") ?? "", CultureInfo.InvariantCulture);

    private static async Task UploadAsync(IPage page, string fileName, byte[] content)
    {
        await page.GotoAsync("/Import");
        await page.GetByLabel("Place (GSS code)").FillAsync(WebAppFixture.PlaceCode);
        await page.GetByLabel("Agency", new PageGetByLabelOptions { Exact = true }).FillAsync(Publisher);
        await page.GetByLabel("Kind of agency").SelectOptionAsync(new SelectOptionValue { Label = "Other" });
        await page.GetByLabel("Spend file (CSV, XLSX or XLS)").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = content });
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(ReviewUrl());
    }

    [GeneratedRegex(@"/Import/Review\?id=")]
    private static partial Regex ReviewUrl();
}
