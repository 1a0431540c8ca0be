using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TotalPlace.Storage.Audit;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Audit;

/// <summary>The audit trail through the real HTTP server (Local mode: every request is the local administrator).</summary>
[Collection(WebCollection.Name)]
public sealed class AuditApiTests(WebAppFixture app)
{
    private const string LocalAdministrator = "local administrator";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAudit_AfterAReclassifyThroughTheApi_ShowsItAsTheSignedInUsersWithWhatChanged()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        using (var reclassify = await app.Client.PostAsync($"/api/places/{WebAppFixture.PlaceCode}/reclassify", null, Token))
        {
            Assert.Equal(HttpStatusCode.OK, reclassify.StatusCode);
        }

        var page = await app.Client.GetFromJsonAsync<JsonElement>(
            $"/api/audit?place={WebAppFixture.PlaceCode}&action={AuditActions.PlaceReclassified}&actor=LOCAL%20ADMINISTRATOR&since={Uri.EscapeDataString(since.ToString("O"))}",
            Token);

        var entry = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(LocalAdministrator, entry.GetProperty("actor").GetString());
        Assert.Equal(WebAppFixture.PlaceCode, entry.GetProperty("subjectId").GetString());
        Assert.Equal(JsonValueKind.Object, entry.GetProperty("details").ValueKind);
        Assert.True(entry.GetProperty("details").GetProperty("lines").GetInt64() > 0);
        Assert.Equal(1, page.GetProperty("totalCount").GetInt64());
    }

    [Fact]
    public async Task ListAudit_SeedImport_IsListedWithItsBatchTotal()
    {
        var batches = await app.Client.GetFromJsonAsync<JsonElement>($"/api/batches?place={WebAppFixture.PlaceCode}", Token);
        var seed = batches.GetProperty("items").EnumerateArray().Single(b => b.GetProperty("fileName").GetString() == "devon-first-half.csv");
        var id = seed.GetProperty("id").GetInt64();

        var page = await app.Client.GetFromJsonAsync<JsonElement>($"/api/audit?subject=batch&subjectId={id}&action=batch.imported", Token);

        var entry = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(seed.GetProperty("total").GetDecimal(), entry.GetProperty("details").GetProperty("total").GetDecimal());
        Assert.Equal(WebAppFixture.Agency, entry.GetProperty("agency").GetString());
    }

    [Fact]
    public async Task ListAudit_PagesAreConsistentWithTheTotal()
    {
        var first = await app.Client.GetFromJsonAsync<JsonElement>("/api/audit?page=1&pageSize=1", Token);
        var all = await app.Client.GetFromJsonAsync<JsonElement>("/api/audit?pageSize=500", Token);

        Assert.Equal(all.GetProperty("items").GetArrayLength(), all.GetProperty("totalCount").GetInt64());
        Assert.True(first.GetProperty("totalCount").GetInt64() >= 2);
        Assert.Equal(all.GetProperty("items")[0].GetProperty("id").GetInt64(), first.GetProperty("items")[0].GetProperty("id").GetInt64());
    }

    [Theory]
    [InlineData("/api/audit?pageSize=0", "pageSize")]
    [InlineData("/api/audit?page=0", "page")]
    [InlineData("/api/audit?place=Devon", "place")]
    [InlineData("/api/audit?since=2026-02-01&until=2026-01-01", "since")]
    public async Task ListAudit_BadRequest_IsAProblemNamingTheParameter(string url, string parameter)
    {
        using var response = await app.Client.GetAsync(url, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task AuditPage_Export_HoldsEveryMatchingEntryAsCsv()
    {
        var all = await app.Client.GetFromJsonAsync<JsonElement>($"/api/audit?place={WebAppFixture.PlaceCode}&pageSize=500", Token);

        using var page = await app.Client.GetAsync($"/Audit?place={WebAppFixture.PlaceCode}", Token);
        var csv = await app.Client.GetStringAsync($"/Audit?place={WebAppFixture.PlaceCode}&handler=export&table=audit&format=csv", Token);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Audit trail", await page.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("When (UTC),Who,Action", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.True(lines.Length - 1 >= all.GetProperty("totalCount").GetInt64());
        Assert.Contains(lines, l => l.Contains("batch.imported", StringComparison.Ordinal));
    }
}
