using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using nietras.SeparatedValues;
using TotalPlace.Testing;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Security;

/// <summary>Roles through the real HTTP API in Accounts mode: an agency analyst cannot read or change another agency's
/// unpublished data; the public reads only what is published; the board reads all; administrators do all.</summary>
[Collection(AccountsCollection.Name)]
[Trait("Issue", "7")]
public sealed partial class RoleTests(AccountsAppFixture app)
{
    private const string Place = AccountsAppFixture.PlaceCode;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly int s_councilRows = SampleFiles.DataRows(SampleFiles.FirstHalf());
    private static readonly int s_policeRows = SampleFiles.DataRows(SampleFiles.SecondHalf());

    /// <summary>Who may see the police's unpublished batch besides the council's published one ("" is the public).</summary>
    public static TheoryData<string, bool> Readers => new()
    {
        { "", false },
        { AccountsAppFixture.CouncilAnalyst, false },
        { AccountsAppFixture.PoliceAnalyst, true },
        { AccountsAppFixture.Chair, true },
        { AccountsAppFixture.Admin, true },
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Map_EachReader_TotalsOnlyWhatItMaySee(string user, bool seesPolice)
    {
        using var client = await ClientAsync(user);
        var expected = app.CouncilTotal + (seesPolice ? app.PoliceTotal : 0m);

        var map = await client.GetFromJsonAsync<JsonElement>($"/api/places/{Place}/map?by=agency", Token);
        var dashboard = await client.GetFromJsonAsync<JsonElement>($"/api/places/{Place}/dashboard", Token);
        var lines = await client.GetFromJsonAsync<JsonElement>($"/api/places/{Place}/transactions?pageSize=1", Token);
        var compare = await client.GetFromJsonAsync<JsonElement>("/api/compare", Token);

        Assert.Equal(expected, map.GetProperty("total").GetDecimal());
        Assert.Equal(seesPolice ? 2 : 1, map.GetProperty("rows").GetArrayLength());
        Assert.Equal(expected, dashboard.GetProperty("total").GetDecimal());
        Assert.Equal(s_councilRows + (seesPolice ? s_policeRows : 0), lines.GetProperty("totalCount").GetInt32());
        Assert.Equal(expected, compare.GetProperty("places")[0].GetProperty("total").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Batches_EachReader_ListsAndOpensOnlyWhatItMaySee(string user, bool seesPolice)
    {
        using var client = await ClientAsync(user);

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/batches?place={Place}", Token);
        using var police = await client.GetAsync($"/api/batches/{app.PoliceBatch.Id}", Token);
        using var council = await client.GetAsync($"/api/batches/{app.CouncilBatch.Id}", Token);

        Assert.Equal(seesPolice ? 2 : 1, list.GetProperty("totalCount").GetInt32());
        Assert.Equal(seesPolice ? HttpStatusCode.OK : HttpStatusCode.Forbidden, police.StatusCode);
        Assert.Equal(HttpStatusCode.OK, council.StatusCode);
        if (!seesPolice)
        {
            Assert.Equal("application/problem+json", police.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData(AccountsAppFixture.CouncilAnalyst, false)]
    [InlineData(AccountsAppFixture.PoliceAnalyst, true)]
    public async Task Exports_AnalystSignedInOnThePages_HoldOnlyWhatItMaySee(string user, bool seesPolice)
    {
        using var client = await app.SignedInPagesAsync(user);

        var transactions = await client.Http.GetStringAsync($"/Transactions?place={Place}&handler=export&table=transactions&format=csv", Token);
        var themes = await client.Http.GetStringAsync($"/?place={Place}&handler=export&table=by-theme&format=csv", Token);
        using var policePage = await client.Http.GetAsync($"/Batches/Detail?id={app.PoliceBatch.Id}", Token);

        Assert.Equal(s_councilRows + (seesPolice ? s_policeRows : 0), CsvDataRows(transactions));
        Assert.Equal(app.CouncilTotal + (seesPolice ? app.PoliceTotal : 0m), SumOfColumn(themes, "Amount"));
        Assert.Equal(seesPolice ? HttpStatusCode.OK : HttpStatusCode.Redirect, policePage.StatusCode);
        if (!seesPolice)
        {
            Assert.StartsWith("/Account/Denied", policePage.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BatchDetail_OneSourceRow_ShowsThatLineOfTheFile_ToTheBatchsOwnAgency()
    {
        // Source row 7 is the file's sixth data row (the header is row 1); its supplier is read here with Sep from the
        // bytes that were imported, not from the product.
        const int sourceRow = 7;
        using var file = Sep.Reader(o => o with { Unescape = true }).From(SampleFiles.SecondHalf());
        var supplier = file.Enumerate(row => row["Supplier name"].ToString()).ElementAt(sourceRow - 2);
        using var client = await app.SignedInPagesAsync(AccountsAppFixture.PoliceAnalyst);

        var page = await client.Http.GetStringAsync($"/Batches/Detail?id={app.PoliceBatch.Id}&row={sourceRow}", Token);

        Assert.Contains($"Row {sourceRow} of", page, StringComparison.Ordinal);
        Assert.Contains($"<dt>Supplier</dt><dd>{supplier}</dd>", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AccountsAppFixture.CouncilAnalyst, HttpStatusCode.Forbidden)]
    [InlineData(AccountsAppFixture.Chair, HttpStatusCode.Forbidden)]
    [InlineData("", HttpStatusCode.Unauthorized)]
    public async Task DeleteBatch_AnotherAgencysBatch_IsRefusedAndChangesNothing(string user, HttpStatusCode expected)
    {
        using var client = await ClientAsync(user);

        using var response = await client.DeleteAsync($"/api/batches/{app.PoliceBatch.Id}", Token);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(app.CouncilTotal + app.PoliceTotal, await AdminTotalAsync());
        Assert.Contains(await app.Store.Spend.ListBatchesAsync(Place, Token), b => b.Id == app.PoliceBatch.Id);
    }

    [Theory]
    [InlineData(AccountsAppFixture.CouncilAnalyst, HttpStatusCode.Forbidden)]
    [InlineData(AccountsAppFixture.PoliceAnalyst, HttpStatusCode.Forbidden)]
    [InlineData(AccountsAppFixture.Chair, HttpStatusCode.Forbidden)]
    [InlineData("", HttpStatusCode.Unauthorized)]
    [InlineData(AccountsAppFixture.Admin, HttpStatusCode.OK)]
    public async Task Reclassify_OnlyAnAdministrator_MayReclassifyEveryAgencysLines(string user, HttpStatusCode expected)
    {
        using var client = await ClientAsync(user);

        using var response = await client.PostAsync($"/api/places/{Place}/reclassify", null, Token);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(app.CouncilTotal + app.PoliceTotal, await AdminTotalAsync());
    }

    [Fact]
    public async Task ImportUpload_AnalystForAnotherAgency_Is403AndStoresNothing()
    {
        using var client = await app.SignedInPagesAsync(AccountsAppFixture.CouncilAnalyst);
        var before = (await app.Store.Spend.ListBatchesAsync(Place, Token)).Count;

        using var response = await UploadAsync(client, AccountsAppFixture.Police, SampleFiles.SecondHalfWithError());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(before, (await app.Store.Spend.ListBatchesAsync(Place, Token)).Count);
    }

    [Fact]
    public async Task ImportCommit_AnotherAgencysPendingUpload_IsNotFoundAndStoresNothing()
    {
        using var police = await app.SignedInPagesAsync(AccountsAppFixture.PoliceAnalyst);
        using var council = await app.SignedInPagesAsync(AccountsAppFixture.CouncilAnalyst);
        var before = await AdminTotalAsync();
        using var upload = await UploadAsync(police, AccountsAppFixture.Police, SampleFiles.SecondHalfWithError());
        var review = upload.Headers.Location!.ToString();
        var id = ReviewId().Match(review).Groups[1].Value;
        var token = await council.TokenFromAsync("/Account/SignIn", Token);

        using var look = await council.Http.GetAsync(review, Token);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Id"] = id,
            ["AllowPartial"] = "true",
        });
        using var commit = await council.Http.PostAsync($"/Import/Review?handler=commit&id={id}", form, Token);

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        // Another user's pending upload answers as if it did not exist (issue 15): its id tells nothing.
        Assert.Equal(HttpStatusCode.NotFound, look.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, commit.StatusCode);
        Assert.Equal(before, await AdminTotalAsync());
    }

    [Fact]
    public async Task Publish_ByTheBoard_ShowsTheBatchToThePublicUntilWithdrawn()
    {
        using var chair = await ClientAsync(AccountsAppFixture.Chair);
        using var analyst = await ClientAsync(AccountsAppFixture.PoliceAnalyst);
        using var anonymous = app.Anonymous();

        using var byAnalyst = await analyst.PostAsync($"/api/batches/{app.PoliceBatch.Id}/publish", null, Token);
        using var byPublic = await anonymous.PostAsync($"/api/batches/{app.PoliceBatch.Id}/publish", null, Token);
        var before = await PublicTotalAsync(anonymous);
        decimal published;
        try
        {
            using var publish = await chair.PostAsync($"/api/batches/{app.PoliceBatch.Id}/publish", null, Token);
            Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
            Assert.Equal(AccountsAppFixture.Chair, (await publish.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("publishedBy").GetString());
            published = await PublicTotalAsync(anonymous);
        }
        finally
        {
            using var withdraw = await chair.PostAsync($"/api/batches/{app.PoliceBatch.Id}/unpublish", null, Token);
            Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, byAnalyst.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byPublic.StatusCode);
        Assert.Equal(app.CouncilTotal, before);
        Assert.Equal(app.CouncilTotal + app.PoliceTotal, published);
        Assert.Equal(app.CouncilTotal, await PublicTotalAsync(anonymous));
    }

    [Fact]
    public async Task DeleteBatch_Administrator_DeletesAnyAgencysBatch()
    {
        using var admin = await ClientAsync(AccountsAppFixture.Admin);
        var fire = (await SampleFiles.CommitAsync(app.Store, Place, "Devon and Somerset Fire", "fire.csv", SampleFiles.FirstHalf(), "accounts tests", new string('f', 64), Token)).Batch;
        var withFire = await AdminTotalAsync();

        using var response = await admin.DeleteAsync($"/api/batches/{fire.Id}", Token);
        await app.Store.Spend.DeleteBatchAsync(fire.Id, Token); // leaves the shared store as it was, whatever the answer

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(app.CouncilTotal * 2 + app.PoliceTotal, withFire);
        Assert.Equal(app.CouncilTotal + app.PoliceTotal, await AdminTotalAsync());
    }

    [Fact]
    public async Task DeleteBatch_AnalystOwnAgency_IsAllowed()
    {
        using var council = await ClientAsync(AccountsAppFixture.CouncilAnalyst);
        var extra = (await SampleFiles.CommitAsync(app.Store, Place, AccountsAppFixture.Council, "extra.csv", SampleFiles.FirstHalf(), "accounts tests", new string('e', 64), Token)).Batch;

        using var response = await council.DeleteAsync($"/api/batches/{extra.Id}", Token);
        await app.Store.Spend.DeleteBatchAsync(extra.Id, Token); // leaves the shared store as it was, whatever the answer

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(app.CouncilTotal + app.PoliceTotal, await AdminTotalAsync());
    }

    [Theory]
    [InlineData("GET", "/api/jobs/0123456789abcdef0123456789abcdef")]
    [InlineData("GET", $"/api/places/{Place}/offers")]
    [InlineData("POST", "/api/batches/1/publish")]
    [InlineData("DELETE", "/api/batches/1")]
    public async Task Api_NotSignedIn_Gets401ProblemDetails(string method, string path)
    {
        using var client = app.Anonymous();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Token);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Token_WrongPassword_Gets401AndNoToken()
    {
        using var client = app.Anonymous();

        using var response = await client.PostAsJsonAsync("/api/account/token", new { userName = AccountsAppFixture.Admin, password = "not the password" }, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("accessToken", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AccountsAppFixture.CouncilAnalyst, "AgencyAnalyst", AccountsAppFixture.Council)]
    [InlineData(AccountsAppFixture.Chair, "Board", null)]
    public async Task Me_SignedIn_NamesTheUserAndRole(string user, string role, string? agency)
    {
        using var client = await ClientAsync(user);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/account/me", Token);

        Assert.Equal("Accounts", me.GetProperty("mode").GetString());
        Assert.Equal(user, me.GetProperty("name").GetString());
        Assert.Equal(role, me.GetProperty("role").GetString());
        Assert.Equal(agency, me.GetProperty("agency").GetString());
    }

    private async Task<HttpClient> ClientAsync(string user) =>
        user.Length == 0 ? app.Anonymous() : await app.ClientForAsync(user);

    private async Task<decimal> AdminTotalAsync()
    {
        using var admin = await app.ClientForAsync(AccountsAppFixture.Admin);
        return (await admin.GetFromJsonAsync<JsonElement>($"/api/places/{Place}/map", Token)).GetProperty("total").GetDecimal();
    }

    private static async Task<decimal> PublicTotalAsync(HttpClient anonymous) =>
        (await anonymous.GetFromJsonAsync<JsonElement>($"/api/places/{Place}/map", Token)).GetProperty("total").GetDecimal();

    private static async Task<HttpResponseMessage> UploadAsync(FormClient client, string agency, byte[] content)
    {
        var token = await client.TokenFromAsync("/Account/SignIn", Token);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(Place), "Place" },
            { new StringContent(agency), "Agency" },
            { new StringContent("Police"), "Kind" },
            { new ByteArrayContent(content), "Upload", "police.csv" },
        };
        return await client.Http.PostAsync("/Import", form, Token);
    }

    private static int CsvDataRows(string csv) => PlainCsv.Records(csv.TrimStart('\uFEFF')).Count(r => r.Count > 1) - 1;

    private static decimal SumOfColumn(string csv, string column)
    {
        var rows = PlainCsv.Records(csv.TrimStart('\uFEFF')).Where(r => r.Count > 1).ToList();
        var index = rows[0].IndexOf(column);
        Assert.True(index >= 0, $"no {column} column in {string.Join(",", rows[0])}");
        return rows.Skip(1).Sum(r => decimal.Parse(r[index], System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("id=([0-9a-f]{32})")]
    private static partial Regex ReviewId();
}
