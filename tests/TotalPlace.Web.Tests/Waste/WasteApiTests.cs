using System.Net.Http.Json;
using System.Text.Json;
using TotalPlace.Application.Waste;
using TotalPlace.Storage.Identity;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Waste;

/// <summary>GET /api/places/{code}/waste through the real server, after a run of the CLI's analysis.</summary>
[Collection(WebCollection.Name)]
public sealed class WasteApiTests(WebAppFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListWaste_AfterARun_ReturnsTheRankedFindingsWithTheirMoney()
    {
        var expected = (await new RunWasteAnalysis(app.Store, TimeProvider.System).ExecuteAsync(new RunWasteAnalysisRequest(WebAppFixture.PlaceCode, Visibility.All), progress: null, Token)).Findings;

        var findings = await app.Client.GetFromJsonAsync<JsonElement>($"/api/places/{WebAppFixture.PlaceCode}/waste", Token);

        Assert.Equal(expected.Select(f => f.Key), findings.EnumerateArray().Select(f => f.GetProperty("key").GetString()));
        Assert.Equal(expected.Select(f => f.MoneyAtStake), findings.EnumerateArray().Select(f => f.GetProperty("moneyAtStake").GetDecimal()));
    }
}
