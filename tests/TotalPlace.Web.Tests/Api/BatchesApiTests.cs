using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Api;

/// <summary>The provenance API through the real HTTP server.</summary>
[Collection(WebCollection.Name)]
public sealed class BatchesApiTests(WebAppFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListBatches_SeededStore_HoldsTheSeedFileWithItsIndependentTotal()
    {
        var page = await app.Client.GetFromJsonAsync<JsonElement>($"/api/batches?place={WebAppFixture.PlaceCode}", Token);

        var seed = page.GetProperty("items").EnumerateArray().Single(b => b.GetProperty("fileName").GetString() == "devon-first-half.csv");
        Assert.Equal(SampleFiles.IndependentTotal(SampleFiles.FirstHalf()), seed.GetProperty("total").GetDecimal());
        Assert.Equal(SampleFiles.FirstHalfRows, seed.GetProperty("rowsLoaded").GetInt32());
        Assert.Equal(64, seed.GetProperty("sha256").GetString()!.Length);
    }

    [Fact]
    public async Task GetBatch_KnownAndUnknownIds_ReturnTheBatchOr404()
    {
        var page = await app.Client.GetFromJsonAsync<JsonElement>("/api/batches", Token);
        var id = page.GetProperty("items")[0].GetProperty("id").GetInt64();

        var batch = await app.Client.GetFromJsonAsync<JsonElement>($"/api/batches/{id}", Token);
        using var missing = await app.Client.GetAsync("/api/batches/987654321", Token);

        Assert.Equal(id, batch.GetProperty("id").GetInt64());
        Assert.Equal(JsonValueKind.Array, batch.GetProperty("rejects").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task GetJob_UnknownId_Returns404()
    {
        using var response = await app.Client.GetAsync("/api/jobs/0123456789abcdef0123456789abcdef", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
