using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using TotalPlace.Core;
using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Partnership.Files;
using TotalPlace.Testing;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.E2E;

/// <summary>End-to-end in Chromium (issue 16, item 3): a proposal built in the browser from a template, a unit cost
/// picked by searching the Unit Cost Database, the fiscal NPV redrawn as fields change, saved and attached to an
/// offer; the NPV shown is the engine's for the same inputs (appraised here, from the template and the edits this test
/// makes), and the CLI's <c>proposal list</c>, a separate process, finds it while the app runs.</summary>
[Collection(WebCollection.Name)]
[Trait("Issue", "16")]
public sealed class ProposalInTheBrowserTests(WebAppFixture app)
{
    private const string Template = "workless-claimants";
    private const string Query = "homelessness application";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Screenshot(string name) => Path.Combine(WebAppFixture.ScreenshotFolder, name);

    [Fact]
    public async Task Proposal_FromTemplateWithAUnitCostFoundBySearch_ShowsTheEnginesNpv_SavesAttachesAndTheCliListsIt()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var id = "browser-proposal-" + suffix;
        var name = "Devon claimants into work " + suffix;
        var offerId = await SaveOfferAsync("proposal-offer-" + suffix);

        // What the test will type, and the unit cost it will pick: the first entry with a fiscal value among those the
        // database's own search ranks first for the words typed.
        var picked = UnitCostDatabase.UcdV14.Search(Query).Take(12).First(u => u.Fiscal is not null);
        var expected = Engine(Edit(ProposalTemplates.Get(Template), name, picked.Code));
        var fromTemplate = Engine(ProposalTemplates.Get(Template));
        Assert.NotEqual(fromTemplate.NpvFiscal, expected.NpvFiscal);

        var page = await app.NewPageAsync();
        await page.GotoAsync($"/Proposals?place={WebAppFixture.PlaceCode}");
        await page.ClickAsync($"a[data-template={Template}]");
        await Assertions.Expect(page.Locator("#result-npv-fiscal")).ToHaveTextAsync(MoneyFormat.Pounds(fromTemplate.NpvFiscal));

        await page.FillAsync("#f-name", name);
        await page.FillAsync("#f-engagement", "0.75");
        await page.FillAsync("#ucd-search-0", Query);
        var option = page.Locator($"#ucd-results-0 button[data-code='{picked.Code}']");
        await option.ClickAsync();
        await page.SelectOptionAsync("#f-outcomes-0-values-3-type", "fiscal");
        await page.FillAsync("#f-outcomes-0-values-3-agency", WebAppFixture.Agency);
        await page.FillAsync("#f-outcomes-0-values-3-optimism_bias", "0.2");
        Assert.Equal(picked.Code, await page.InputValueAsync("#f-outcomes-0-values-3-unit_cost"));

        // The figure redrawn from the server's appraisal is the engine's for the same inputs, to the penny.
        await Assertions.Expect(page.Locator("#result-npv-fiscal")).ToHaveTextAsync(MoneyFormat.Pounds(expected.NpvFiscal));
        await Assertions.Expect(page.Locator("#proposal-by-agency tbody tr", new() { HasText = WebAppFixture.Agency })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#proposal-optimism-bias tbody tr[data-line='outcomes[0].values[3]']")).ToContainTextAsync("20%");

        await page.FillAsync("#proposal-id", id);
        await page.ClickAsync("#proposal-save");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Proposals/Edit\\?place=E10000008&id=" + id));
        await Assertions.Expect(page.Locator("#result-npv-fiscal")).ToHaveTextAsync(MoneyFormat.Pounds(expected.NpvFiscal));
        await page.SelectOptionAsync("#proposal-offer", offerId);
        await page.ClickAsync("#proposal-attach");
        await Assertions.Expect(page.Locator("#proposal-attach-status")).ToContainTextAsync($"Attached to offer {offerId}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("proposal-editor.png"), FullPage = true });
        await page.Context.CloseAsync();

        // The store holds the file the page built: appraised again, the same NPV; the offer carries its figures.
        var stored = await app.Store.Proposals.LoadProposalAsync(WebAppFixture.PlaceCode, id, Token);
        Assert.NotNull(stored);
        Assert.Equal(expected.NpvFiscal, Engine(stored.Document).NpvFiscal);
        Assert.Equal(offerId, stored.OfferId);
        var offer = await app.Store.Partnership.LoadOfferAsync(WebAppFixture.PlaceCode, offerId, Token);
        Assert.Contains(offer!.Appraisals, a => a.ProposalId == id && a.ProposalName == name);

        // The CLI, a separate process, lists it from the same DuckDB file while the app is running.
        var cli = await CliProcess.RunAsync(Token, "proposal", "list", "--store", app.StorePath, "--place", WebAppFixture.PlaceCode, "--format", "json");
        Assert.True(cli.ExitCode == 0, $"proposal list exited {cli.ExitCode}: {cli.Error}");
        using var listed = JsonDocument.Parse(cli.Output);
        var row = listed.RootElement.EnumerateArray().Single(e => e.TryGetProperty("id", out var v) && v.GetString() == id);
        Assert.Equal(name, row.GetProperty("name").GetString());
        Assert.Equal(offerId, row.GetProperty("offer").GetString());
        Assert.Equal(expected.NpvFiscal, row.GetProperty("npvFiscal").GetDecimal());
    }

    // The template with the edits the test makes in the browser, written here from the test's own inputs.
    private static string Edit(string template, string name, string code)
    {
        var node = JsonNode.Parse(template)!.AsObject();
        node["name"] = name;
        node["engagement"] = 0.75m;
        node["outcomes"]![0]!["values"]!.AsArray().Add(new JsonObject
        {
            ["unit_cost"] = code,
            ["type"] = "fiscal",
            ["agency"] = WebAppFixture.Agency,
            ["optimism_bias"] = 0.2m,
        });
        return node.ToJsonString();
    }

    private static AppraisalResult Engine(string json) => Appraiser.Default.Appraise(ProposalParser.Parse(json).Value);

    private async Task<string> SaveOfferAsync(string offerId)
    {
        var node = JsonNode.Parse(await File.ReadAllTextAsync(SharedData.RepositoryFile("samples/offers/gm-working-well.offer.json"), Token))!.AsObject();
        node["id"] = offerId;
        node["place"] = new JsonObject { ["code"] = WebAppFixture.PlaceCode, ["name"] = "Devon" };
        var parsed = OfferFile.Parse(node.ToJsonString());
        Assert.True(parsed.Offer is not null && parsed.Issues.Count == 0, string.Join("; ", parsed.Issues));
        await app.Store.Partnership.SaveOfferAsync(parsed.Offer, Token);
        return offerId;
    }
}
