using System.Globalization;
using System.Net;
using System.Text;
using MiniExcelLibs;
using nietras.SeparatedValues;
using TotalPlace.Core;
using TotalPlace.Web.Tables;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Api;

/// <summary>Every table exports to CSV and Excel with the raw values the page shows.</summary>
[Collection(WebCollection.Name)]
public sealed class ExportTests(WebAppFixture app)
{
    private static readonly FiscalYear s_year = FiscalYear.Parse("2025-26");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DashboardExport_ByThemeCsv_AmountsSumToTheStoreTotal()
    {
        using var response = await app.Client.GetAsync($"/?place={WebAppFixture.PlaceCode}&year=2025-26&handler=export&table=by-theme&format=csv", Token);
        var bytes = await response.Content.ReadAsByteArrayAsync(Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("by-theme.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromText(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(["Theme", "Amount", "Share", "Per head", "Lines"], reader.Header.ColNames);
        var total = 0m;
        foreach (var row in reader)
        {
            total += decimal.Parse(row["Amount"].ToString(), NumberStyles.Number, CultureInfo.InvariantCulture);
        }

        Assert.Equal(await app.StoreTotalAsync(s_year), total);
    }

    [Fact]
    public async Task TransactionsExport_Xlsx_HoldsEveryFilteredLine()
    {
        using var response = await app.Client.GetAsync($"/Transactions?place={WebAppFixture.PlaceCode}&search=limited&handler=export&table=transactions&format=xlsx", Token);
        var bytes = await response.Content.ReadAsByteArrayAsync(Token);
        var api = await app.Client.GetStringAsync($"/api/places/{WebAppFixture.PlaceCode}/transactions?search=limited&pageSize=1", Token);

        Assert.Equal(TableExport.XlsxContentType, response.Content.Headers.ContentType?.ToString());
        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var expected = System.Text.Json.JsonDocument.Parse(api).RootElement.GetProperty("totalCount").GetInt64();
        Assert.Equal(expected, rows.Count);
        Assert.All(rows, r => Assert.NotNull(r["Amount"]));
    }

    [Theory]
    [InlineData("table=by-theme&format=pdf", HttpStatusCode.BadRequest)]
    [InlineData("table=nothing&format=csv", HttpStatusCode.NotFound)]
    public async Task DashboardExport_UnknownFormatOrTable_IsRefused(string query, HttpStatusCode expected)
    {
        using var response = await app.Client.GetAsync($"/?place={WebAppFixture.PlaceCode}&handler=export&{query}", Token);

        Assert.Equal(expected, response.StatusCode);
    }
}
