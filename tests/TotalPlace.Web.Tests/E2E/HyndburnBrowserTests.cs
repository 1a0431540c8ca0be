using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Playwright;
using TotalPlace.Testing;

namespace TotalPlace.Web.Tests.E2E;

/// <summary>A real place in a real browser: the Hyndburn 2023-24 package imported from the web page, both counts and
/// the reconciliation on the dashboard, and a figure clicked whose drill-down adds up to it. Expected figures are read
/// here from the shared files (the MHCLG RSX return, the shares' populations), never from the page.</summary>
[Collection(HyndburnCollection.Name)]
[Trait("Issue", "12")]
public sealed class HyndburnBrowserTests(HyndburnAppFixture app)
{
    private const string Place = "E07000120";

    // Each partner's code and the place's share as the population fraction the package's README states (Census 2021).
    private static readonly (string Code, string Name, decimal Numerator, decimal Denominator)[] s_partners =
    [
        ("E07000120", "Hyndburn Borough Council", 82_200m, 82_200m),
        ("E10000017", "Lancashire County Council", 82_200m, 1_235_300m),
        ("E23000003", "Lancashire Police and Crime Commissioner and Chief Constable", 82_200m, 1_531_200m),
        ("E31000023", "Lancashire Combined Fire Authority", 82_200m, 1_531_200m),
    ];

    [Fact]
    public async Task ImportHyndburnFromTheWeb_DashboardShowsBothCounts_AndAClickedFigureDrillsDownToItsTotal()
    {
        var zip = Path.Combine(app.Folder, "hyndburn-2023-24.zip");
        ZipFile.CreateFromDirectory(SharedData.Hyndburn, zip, CompressionLevel.Fastest, includeBaseDirectory: true);
        var page = await app.NewPageAsync();

        // Import from the web: the whole package in one step.
        await page.GotoAsync("/Places/Import");
        await page.Locator("#upload").SetInputFilesAsync(zip);
        // Reading the whole package (three workbooks, the national returns) takes a while on a busy two-core machine.
        await page.ClickAsync("#import", new PageClickOptions { Timeout = 600_000 });
        await Assertions.Expect(page.Locator("#package-result")).ToContainTextAsync("Imported", new LocatorAssertionsToContainTextOptions { Timeout = 600_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Infrastructure.WebAppFixture.ScreenshotFolder, "place-package-import.png"), FullPage = true });
        await page.ClickAsync("#package-dashboard", new PageClickOptions { Timeout = 600_000 });
        await Assertions.Expect(page.Locator("#counted-both-ways")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 300_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Infrastructure.WebAppFixture.ScreenshotFolder, "hyndburn-dashboard.png"), FullPage = true });

        // Each partner's gross outturn as published (RSX total service expenditure, £ thousand), whole body.
        var partnerRows = page.Locator("table[data-table=count-partners] tbody tr");
        Assert.Equal(5, await partnerRows.CountAsync()); // four bodies with returns and the ICB, which has none
        var sharedGross = 0m;
        foreach (var (code, name, numerator, denominator) in s_partners)
        {
            var gross = RsxCell(code, "RSX-totsx-tot-exp") * 1000m;
            var cells = await partnerRows.Filter(new LocatorFilterOptions { HasText = code }).First.Locator("th, td").AllInnerTextsAsync();
            Assert.Equal(name, cells[0].Trim());
            Assert.Equal(Core.Money.FromPounds(gross).ToString(), cells[6].Trim());
            sharedGross += Math.Round(gross * (numerator / denominator), 2, MidpointRounding.ToEven);
        }

        // Both counts side by side; top-down is the shared gross outturn less the flows taken out, and is what the
        // dashboard's headline total counts.
        var topDown = await AmountAsync(page, "#count-top-down");
        var bottomUp = await AmountAsync(page, "#count-bottom-up");
        var eliminated = await AmountAsync(page, "#count-eliminated");
        var flowsTakenOut = 0m;
        foreach (var row in await page.Locator("table[data-table=count-flows] tbody tr").AllAsync())
        {
            flowsTakenOut += Pounds((await row.Locator("td, th").AllInnerTextsAsync())[5]);
        }

        Assert.Equal(flowsTakenOut, eliminated);
        Assert.Equal(sharedGross - eliminated, topDown);
        Assert.Equal(topDown, await AmountAsync(page, "#headline-total"));
        Assert.True(bottomUp > 0m && bottomUp < topDown, $"bottom-up {bottomUp} should be positive and below top-down {topDown}");

        // The ledger says where each figure comes from; the county's is a statement.
        var ledger = page.Locator("table[data-table=count-ledger] tbody tr");
        var county = ledger.Filter(new LocatorFilterOptions { HasText = "Lancashire County Council" }).First;
        Assert.Equal("statement", (await county.Locator("th, td").AllInnerTextsAsync())[4].Trim());
        var countyExpected = Math.Round(RsxCell("E10000017", "RSX-totsx-tot-exp") * 1000m * (82_200m / 1_235_300m), 2, MidpointRounding.ToEven);
        var link = county.Locator("a").Filter(new LocatorFilterOptions { HasText = "£" });
        Assert.Equal(Core.Money.FromPounds(countyExpected).ToString(), (await link.InnerTextAsync()).Trim());

        // Click the figure: the drill-down says it comes from statements and lists statements that add up to it.
        await link.ClickAsync(new LocatorClickOptions { Timeout = 300_000 });
        await Assertions.Expect(page.Locator("#figure-explained")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 300_000 });
        Assert.Equal(countyExpected, await AmountAsync(page, "#figure-total"));
        Assert.Equal(countyExpected, await AmountAsync(page, "#figure-from-statements"));
        var listed = 0m;
        foreach (var row in await page.Locator("table[data-table=statements] tbody tr").AllAsync())
        {
            listed += Pounds((await row.Locator("td, th").AllInnerTextsAsync())[4]);
        }

        Assert.Equal(countyExpected, listed);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Infrastructure.WebAppFixture.ScreenshotFolder, "hyndburn-drill-down.png"), FullPage = true });

        // Importing the same package again adds nothing.
        await page.GotoAsync("/Places/Import");
        await page.Locator("#upload").SetInputFilesAsync(zip);
        await page.ClickAsync("#import", new PageClickOptions { Timeout = 600_000 });
        await Assertions.Expect(page.Locator("#package-result")).ToContainTextAsync("nothing was added", new LocatorAssertionsToContainTextOptions { Timeout = 600_000 });
        await page.Context.CloseAsync();
    }

    private static async Task<decimal> AmountAsync(IPage page, string selector) =>
        decimal.Parse(await page.Locator(selector).GetAttributeAsync("data-amount") ?? "", CultureInfo.InvariantCulture);

    private static decimal Pounds(string text)
    {
        var clean = new string([.. text.Where(c => char.IsAsciiDigit(c) || c is '.' or '-' or '−')]).Replace('−', '-');
        return decimal.Parse(clean, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    /// <summary>A cell of the MHCLG RSX CSV for a body (by its ONS code) and a column (by its asset code), £ thousand.</summary>
    private static decimal RsxCell(string bodyCode, string assetCode)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = File.ReadAllBytes(Path.Combine(SharedData.Hyndburn, "mhclg", "RSX_2023-24_data_by_LA.csv"));
        var text = bytes[0] == 0xEF ? Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3) : Encoding.GetEncoding(1252).GetString(bytes);
        var records = PlainCsv.Records(text);
        var column = records.First(r => r.Contains(assetCode)).IndexOf(assetCode);
        var row = records.First(r => r.Count > 1 && r[1] == bodyCode);
        return Pounds(row[column]);
    }
}
