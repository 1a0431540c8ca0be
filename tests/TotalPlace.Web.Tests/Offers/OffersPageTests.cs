using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using TotalPlace.Core.Partnership;
using TotalPlace.Core.Partnership.Files;
using TotalPlace.Reports.Html;
using TotalPlace.Reports.Partnership;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Offers;

/// <summary>The offers pages through the real server, over the repository's sample offer saved for the seeded place
/// (moved there so the shared store gains no second place).</summary>
[Collection(WebCollection.Name)]
public sealed class OffersPageTests(WebAppFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string SamplePath([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "../../../samples/offers/gm-working-well.offer.json"));

    private async Task<Offer> SaveSampleAsync()
    {
        var json = JsonNode.Parse(await File.ReadAllTextAsync(SamplePath(), Token))!;
        json["place"] = new JsonObject { ["code"] = WebAppFixture.PlaceCode, ["name"] = "Devon" };
        var parsed = OfferFile.Parse(json.ToJsonString());
        Assert.True(parsed.Offer is not null, string.Join("; ", parsed.Issues));
        await app.Store.Partnership.SaveOfferAsync(parsed.Offer, Token);
        return (await app.Store.Partnership.LoadOfferAsync(WebAppFixture.PlaceCode, parsed.Offer.Id, Token))!;
    }

    [Fact]
    public async Task Offers_SavedOffer_IsListedAndShowsItsSavingsShare()
    {
        var offer = await SaveSampleAsync();
        var expected = SavingsDistributor.Distribute(offer);

        var list = WebUtility.HtmlDecode(await app.Client.GetStringAsync($"/Offers?place={WebAppFixture.PlaceCode}", Token));
        Assert.Contains(offer.Title, list, StringComparison.Ordinal);

        var show = WebUtility.HtmlDecode(await app.Client.GetStringAsync($"/Offers/Show?place={WebAppFixture.PlaceCode}&id={offer.Id}", Token));
        Assert.Contains($"Savings share (total {expected.Total})", show, StringComparison.Ordinal);
        Assert.Contains("data-table=\"issues\"", show, StringComparison.Ordinal);
        foreach (var issue in OfferValidator.Validate(offer))
        {
            Assert.Contains(issue.Path, show, StringComparison.Ordinal);
        }

        var csv = await app.Client.GetStringAsync($"/Offers/Show?place={WebAppFixture.PlaceCode}&id={offer.Id}&handler=export&table=savings&format=csv", Token);
        Assert.Equal(expected.Lines.Count + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("offer")]
    [InlineData("mou")]
    public async Task Document_SavedOffer_IsTheReportsHtml(string kind)
    {
        var offer = await SaveSampleAsync();
        var expected = HtmlRenderer.Render((kind == "mou" ? OfferDocuments.Mou(offer) : OfferDocuments.Offer(offer)) with
        {
            MadeFrom = $"the store (offer {offer.Id}, version {offer.Version})",
        });

        using var response = await app.Client.GetAsync($"/Offers/Document?place={WebAppFixture.PlaceCode}&id={offer.Id}&kind={kind}", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task Show_UnknownOffer_Returns404()
    {
        using var response = await app.Client.GetAsync($"/Offers/Show?place={WebAppFixture.PlaceCode}&id=no-such-offer", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
