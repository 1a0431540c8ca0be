using System.Net;
using TotalPlace.Web.Tables;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Waste;

/// <summary>The waste page through the real server: running the analysis saves findings, and the page lists exactly
/// the store's ranked findings with their money at stake.</summary>
[Collection(WebCollection.Name)]
public sealed class WastePageTests(WebAppFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAnalysis_SeededPlace_ListsTheStoresRankedFindings()
    {
        using var client = new FormClient(app.BaseAddress);
        var token = await client.TokenFromAsync($"/Waste?place={WebAppFixture.PlaceCode}", Token);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["__RequestVerificationToken"] = token,
            ["Place"] = WebAppFixture.PlaceCode,
        });

        using var run = await client.Http.PostAsync("/Waste", form, Token);

        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        var expected = await app.Store.Waste.ListFindingsAsync(WebAppFixture.PlaceCode, Token);
        var html = WebUtility.HtmlDecode(await client.Http.GetStringAsync($"/Waste?place={WebAppFixture.PlaceCode}", Token));
        Assert.Contains("data-table=\"findings\"", html, StringComparison.Ordinal);
        foreach (var finding in expected.Take(20))
        {
            Assert.Contains(finding.Title, html, StringComparison.Ordinal);
            Assert.Contains(CellFormat.Display(finding.MoneyAtStake, CellKind.Money), html, StringComparison.Ordinal);
        }

        var csv = await client.Http.GetStringAsync($"/Waste?place={WebAppFixture.PlaceCode}&handler=export&table=findings&format=csv", Token);
        Assert.Equal(expected.Count + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Decide_UnknownFinding_Returns404AndStoresNothing()
    {
        using var client = new FormClient(app.BaseAddress);
        var token = await client.TokenFromAsync($"/Waste?place={WebAppFixture.PlaceCode}", Token);
        var before = await app.Store.Waste.ListDecisionsAsync(WebAppFixture.PlaceCode, Token);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["__RequestVerificationToken"] = token,
            ["Place"] = WebAppFixture.PlaceCode,
            ["key"] = "dup:no-such-finding",
            ["state"] = "Confirmed",
        });

        using var response = await client.Http.PostAsync("/Waste?handler=decide", form, Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before.Count, (await app.Store.Waste.ListDecisionsAsync(WebAppFixture.PlaceCode, Token)).Count);
    }

    [Fact]
    public async Task Decide_WithoutAntiforgeryToken_IsRefused()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Place"] = WebAppFixture.PlaceCode,
            ["key"] = "dup:anything",
            ["state"] = "FalsePositive",
        });

        using var response = await app.Client.PostAsync("/Waste?handler=decide", form, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RunAnalysis_WithoutAntiforgeryToken_IsRefused()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal) { ["Place"] = WebAppFixture.PlaceCode });

        using var response = await app.Client.PostAsync("/Waste", form, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
