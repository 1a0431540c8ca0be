using Microsoft.Playwright;
using TotalPlace.Core;
using TotalPlace.Core.Spending;
using TotalPlace.Storage.Audit;
using TotalPlace.Testing;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.E2E;

/// <summary>The administrator deletes a place created by mistake, in Debian's Chromium: picks it, sees what it holds,
/// is refused until the code typed matches, then deletes it; the store no longer has it, the neighbouring place is
/// untouched and the audit trail says who deleted what.</summary>
[Collection(WebCollection.Name)]
[Trait("Issue", "15")]
public sealed class DeletePlaceBrowserTests(WebAppFixture app)
{
    private const string Mistake = "E06000047"; // County Durham: imported into by mistake
    private const string Agency = "Durham County Council";

    [Fact]
    public async Task DeletePlace_AdministratorConfirmsWithTheCode_RemovesThePlaceAndOnlyIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await app.Store.Spend.CommitTransactionsAsync(Headers.For(Mistake, Agency, "browser-mistake"), [Line(1_234.56m, 2), Line(10.01m, 3)], ct);
        await app.Store.Spend.CommitStatementsAsync(
            Headers.For(Mistake, Agency, "browser-mistake-statements"),
            [new SpendStatement(Agency, "Police", "Grant", FiscalYear.StartingIn(2023), 500m)],
            ct);
        var seededBefore = (await app.Store.Spend.ListBatchesAsync(WebAppFixture.PlaceCode, ct)).Count;
        var page = await app.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await page.GotoAsync("/Places/Delete");
        await page.Locator("#place").SelectOptionAsync(Mistake);
        await page.ClickAsync("#show-place");
        await Assertions.Expect(page.Locator("#place-holds")).ToContainTextAsync($"2 batches, 2 transaction lines ({MoneyFormat.Pounds(1_234.56m + 10.01m)}), 1 statement line ({MoneyFormat.Pounds(500m)})");
        await Assertions.Expect(page.Locator("#place-contents tbody tr", new PageLocatorOptions { HasText = "Transaction lines" }).Locator("[data-rows]")).ToHaveAttributeAsync("data-rows", "2");

        // The wrong code deletes nothing.
        await page.Locator("#confirm-code").FillAsync(WebAppFixture.PlaceCode);
        await page.ClickAsync("#delete-place");
        await Assertions.Expect(page.Locator("#delete-problem")).ToContainTextAsync("Nothing was deleted");
        Assert.NotNull(await app.Store.Places.FindPlaceAsync(Mistake, ct));

        await page.Locator("#confirm-code").FillAsync(Mistake.ToLowerInvariant());
        await page.ClickAsync("#delete-place");
        await Assertions.Expect(page.Locator("#place-deleted")).ToContainTextAsync($"Deleted place {Mistake}");
        await Assertions.Expect(page.Locator($"#place option[value='{Mistake}']")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, "delete-place.png"), FullPage = true });

        Assert.Null(await app.Store.Places.FindPlaceAsync(Mistake, ct));
        Assert.Empty(await app.Store.Spend.ListBatchesAsync(Mistake, ct));
        Assert.Equal(seededBefore, (await app.Store.Spend.ListBatchesAsync(WebAppFixture.PlaceCode, ct)).Count);
        var audit = await app.Store.Audit.QueryAuditAsync(new AuditQuery(PlaceCode: Mistake, Action: AuditActions.PlaceDeleted), ct);
        Assert.Contains("2 transaction lines", Assert.Single(audit.Items).Summary, StringComparison.Ordinal);
        Assert.Equal(0, dialogs);
        await page.Context.CloseAsync();
    }

    private static Transaction Line(decimal amount, int row) => new TransactionBuilder().Paying(amount).AtRow(row).Build();
}
