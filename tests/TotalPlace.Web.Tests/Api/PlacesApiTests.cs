using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TotalPlace.Core;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Api;

/// <summary>The places API through the real HTTP server.</summary>
[Collection(WebCollection.Name)]
public sealed class PlacesApiTests(WebAppFixture app)
{
    private static readonly FiscalYear s_year = FiscalYear.Parse("2025-26");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListPlaces_SeededStore_ReturnsThePlaceWithItsCensusPopulation()
    {
        var places = await app.Client.GetFromJsonAsync<JsonElement>("/api/places", Token);

        var devon = places.EnumerateArray().Single(p => p.GetProperty("code").GetString() == WebAppFixture.PlaceCode);
        Assert.Equal("Devon", devon.GetProperty("name").GetString());
        Assert.True(devon.GetProperty("population").GetInt64() > 500_000);
    }

    [Fact]
    public async Task GetMap_ByTheme_TotalEqualsTheStoreAndTheRowsSumToIt()
    {
        var map = await app.Client.GetFromJsonAsync<JsonElement>($"/api/places/{WebAppFixture.PlaceCode}/map?by=theme&year=2025-26", Token);

        var total = map.GetProperty("total").GetDecimal();
        Assert.Equal(await app.StoreTotalAsync(s_year), total);
        Assert.Equal(total, map.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task GetMap_UnknownPlace_Returns404()
    {
        using var response = await app.Client.GetAsync("/api/places/E99999999/map", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("year=2025", "year")]
    [InlineData("by=colour", "by")]
    public async Task GetMap_BadQuery_ReturnsAValidationProblemNamingTheParameter(string query, string parameter)
    {
        using var response = await app.Client.GetAsync($"/api/places/{WebAppFixture.PlaceCode}/map?{query}", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages));
        Assert.NotEmpty(messages.EnumerateArray());
    }

    [Fact]
    public async Task GetDashboard_LatestYear_EveryBreakdownSumsToTheHeadline()
    {
        var dashboard = await app.Client.GetFromJsonAsync<JsonElement>($"/api/places/{WebAppFixture.PlaceCode}/dashboard", Token);

        var total = dashboard.GetProperty("total").GetDecimal();
        Assert.Equal("2025-26", dashboard.GetProperty("year").GetString());
        Assert.Equal(await app.StoreTotalAsync(s_year), total);
        foreach (var breakdown in new[] { "byTheme", "byAgency", "byFunding" })
        {
            Assert.Equal(total, dashboard.GetProperty(breakdown).EnumerateArray().Sum(r => r.GetProperty("amount").GetDecimal()));
        }

        var suppliers = dashboard.GetProperty("topSuppliers").EnumerateArray().Select(s => s.GetProperty("amount").GetDecimal()).ToList();
        Assert.NotEmpty(suppliers);
        Assert.Equal(suppliers.OrderDescending(), suppliers);
        Assert.True(suppliers.Sum() <= total);

        var treemap = dashboard.GetProperty("treemap").EnumerateArray().ToList();
        Assert.All(treemap, t => Assert.Equal(
            t.GetProperty("value").GetDecimal(),
            t.GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("value").GetDecimal())));
    }

    [Fact]
    public async Task GetTransactions_SortedByAmount_PagesInDescendingOrder()
    {
        var page = await app.Client.GetFromJsonAsync<JsonElement>(
            $"/api/places/{WebAppFixture.PlaceCode}/transactions?sort=amount&desc=true&page=2&pageSize=10", Token);

        var amounts = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("amount").GetDecimal()).ToList();
        Assert.Equal(10, amounts.Count);
        Assert.Equal(amounts.OrderDescending(), amounts);
        Assert.Equal(2, page.GetProperty("pageNumber").GetInt32());
        Assert.True(page.GetProperty("totalCount").GetInt64() >= SampleFiles.FirstHalfRows);
        var first = page.GetProperty("items")[0];
        Assert.True(first.GetProperty("batchId").GetInt64() > 0);
        Assert.True(first.GetProperty("sourceRow").GetInt32() > 1);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("sort=colour", "sort")]
    public async Task GetTransactions_BadPaging_ReturnsAValidationProblem(string query, string parameter)
    {
        using var response = await app.Client.GetAsync($"/api/places/{WebAppFixture.PlaceCode}/transactions?{query}", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Compare_OnePlace_PerHeadByThemeAddsUpToItsPerHead()
    {
        var compare = await app.Client.GetFromJsonAsync<JsonElement>("/api/compare?year=2025-26", Token);

        var devon = compare.GetProperty("places").EnumerateArray()
            .Single(p => p.GetProperty("place").GetProperty("code").GetString() == WebAppFixture.PlaceCode);
        var perHead = devon.GetProperty("perHead").GetDecimal();
        var byTheme = devon.GetProperty("perHeadByTheme").EnumerateObject().Sum(t => t.Value.GetDecimal());
        Assert.Equal(Math.Round(perHead, 10), Math.Round(byTheme, 10));
    }

    [Fact]
    public async Task GetTreemapSuppliers_OneBox_TheSupplierBoxesSumToTheAgencyAndThemeFigure()
    {
        var dashboard = await app.Client.GetFromJsonAsync<JsonElement>($"/api/places/{WebAppFixture.PlaceCode}/dashboard?year=2025-26", Token);
        var theme = dashboard.GetProperty("byTheme")[0].GetProperty("key").GetString()!;
        // The figure from the store's own map, filtered to the box: the use case's boxes must add up to it exactly.
        var figure = (await app.Store.Spend.MapAsync(
            new Storage.MapQuery(WebAppFixture.PlaceCode, [], s_year, WebAppFixture.Agency, theme), Token)).Total;

        var boxes = await app.Client.GetFromJsonAsync<JsonElement>(
            $"/api/places/{WebAppFixture.PlaceCode}/treemap/suppliers?theme={Uri.EscapeDataString(theme)}&agency={Uri.EscapeDataString(WebAppFixture.Agency)}&year=2025-26", Token);

        var values = boxes.EnumerateArray().Select(b => b.GetProperty("value").GetDecimal()).ToList();
        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.True(v > 0));
        Assert.Equal(figure, values.Sum());
    }

    [Theory]
    [InlineData("/api/places/E99999999/treemap/suppliers?theme=housing&agency=Devon%20County%20Council")]
    [InlineData("/api/places/E99999999/dashboard")]
    [InlineData("/api/places/E99999999/transactions")]
    [InlineData("/api/places/not-a-place/map")]
    [InlineData("/Transactions?place=E99999999")]
    public async Task PlaceNotInTheStore_Returns404AndCreatesNoPlace(string path)
    {
        var before = (await app.Store.Places.ListPlacesAsync(Token)).Count;

        using var response = await app.Client.GetAsync(path, Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, (await app.Store.Places.ListPlacesAsync(Token)).Count);
    }

    [Fact]
    public async Task Status_AfterStart_IsReady()
    {
        var status = await app.Client.GetFromJsonAsync<JsonElement>("/api/status", Token);

        Assert.Equal("Ready", status.GetProperty("state").GetString());
    }
}
