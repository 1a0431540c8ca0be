using System.Net.Http.Json;
using System.Text.Json;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Offers;

/// <summary>GET /api/places/{code}/offers through the real server, against the partnership store.</summary>
[Collection(WebCollection.Name)]
public sealed class OffersApiTests(WebAppFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListOffers_SeededPlace_MatchesTheStore()
    {
        var expected = await app.Store.Partnership.ListOffersAsync(WebAppFixture.PlaceCode, Token);

        var offers = await app.Client.GetFromJsonAsync<JsonElement>($"/api/places/{WebAppFixture.PlaceCode}/offers", Token);

        Assert.Equal(expected.Select(o => o.OfferId), offers.EnumerateArray().Select(o => o.GetProperty("offerId").GetString()));
        Assert.Equal(expected.Select(o => o.PoolTotal), offers.EnumerateArray().Select(o => o.GetProperty("poolTotal").GetDecimal()));
    }
}
