using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TotalPlace.Storage.Identity;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Security;

/// <summary>Every API operation (from the app's own OpenAPI document) and every page (from the app's own routes),
/// asked by every kind of reader through real HTTP in Accounts mode. Each must be in <see cref="s_access"/>: a new
/// endpoint or page fails this test until someone decides who may use it.</summary>
[Collection(AccountsCollection.Name)]
[Trait("Issue", "15")]
public sealed partial class EndpointRoleTests(AccountsAppFixture app)
{
    private const string Place = AccountsAppFixture.PlaceCode;

    // Ids that exist nowhere: an allowed caller gets past authorization and is told there is no such thing, so no
    // test here changes the fixture's data.
    private const string NoSuchId = "999999999";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly string[] s_everyone = ["", AccountsAppFixture.CouncilAnalyst, AccountsAppFixture.Chair, AccountsAppFixture.Admin];
    private static readonly string[] s_signedIn = [AccountsAppFixture.CouncilAnalyst, AccountsAppFixture.Chair, AccountsAppFixture.Admin];
    private static readonly string[] s_writers = [AccountsAppFixture.CouncilAnalyst, AccountsAppFixture.Admin];
    private static readonly string[] s_boardAndAdmin = [AccountsAppFixture.Chair, AccountsAppFixture.Admin];
    private static readonly string[] s_admin = [AccountsAppFixture.Admin];

    /// <summary>Who may use each operation and page; see docs/security.md.</summary>
    private static readonly Dictionary<string, string[]> s_access = new(StringComparer.OrdinalIgnoreCase)
    {
        ["POST /api/account/token"] = s_everyone,
        ["GET /api/account/me"] = s_everyone,
        ["GET /api/audit"] = s_boardAndAdmin,
        ["POST /api/places/{code}/reclassify"] = s_admin,
        ["GET /api/compare"] = s_everyone,
        ["GET /api/status"] = s_everyone,
        ["GET /api/places/{code}/offers"] = s_boardAndAdmin,
        ["GET /api/places/{code}/waste"] = s_boardAndAdmin,
        ["GET /api/places"] = s_everyone,
        ["GET /api/places/{code}"] = s_everyone,
        ["GET /api/places/{code}/map"] = s_everyone,
        ["GET /api/places/{code}/dashboard"] = s_everyone,
        ["GET /api/places/{code}/transactions"] = s_everyone,
        ["GET /api/batches"] = s_everyone,
        ["GET /api/batches/{id}"] = s_everyone,
        ["DELETE /api/batches/{id}"] = s_writers,
        ["POST /api/batches/{id}/publish"] = s_boardAndAdmin,
        ["POST /api/batches/{id}/unpublish"] = s_boardAndAdmin,
        ["GET /api/jobs/{id}"] = s_signedIn,
        ["POST /api/appraisals"] = s_signedIn,
        ["POST /api/appraisals/export"] = s_signedIn,
        ["POST /api/appraisals/montecarlo"] = s_signedIn,
        ["GET /api/appraisals/montecarlo/{id}"] = s_signedIn,
        ["GET /"] = s_everyone,
        ["GET /Index"] = s_everyone,
        ["GET /Transactions"] = s_everyone,
        ["GET /Compare"] = s_everyone,
        ["GET /Batches"] = s_everyone,
        ["GET /Batches/Index"] = s_everyone,
        ["GET /Batches/Detail"] = s_everyone,
        ["GET /Account/SignIn"] = s_everyone,
        ["GET /Account/SignOut"] = s_everyone,
        ["GET /Account/Denied"] = s_everyone,
        ["GET /Import"] = s_writers,
        ["GET /Import/Index"] = s_writers,
        ["GET /Import/Review"] = s_writers,
        ["GET /Import/Progress"] = s_writers,
        ["GET /Appraise"] = s_signedIn,
        ["GET /Appraise/Index"] = s_signedIn,
        ["GET /Appraise/MonteCarlo"] = s_signedIn,
        ["GET /api/places/{code}/treemap/suppliers"] = s_everyone,
        ["GET /api/places/{code}/offers/{id}/file"] = s_boardAndAdmin,
        ["POST /api/offers/check"] = s_signedIn,
        ["POST /api/offers"] = s_boardAndAdmin,
        ["GET /Error"] = s_everyone,
        ["GET /Offers/Edit"] = s_boardAndAdmin,
        ["GET /Rules"] = s_admin,
        ["GET /Rules/Index"] = s_admin,
        ["GET /Places/Import"] = s_admin,
        ["GET /Places/Delete"] = s_admin,
        ["GET /Offers"] = s_boardAndAdmin,
        ["GET /Offers/Index"] = s_boardAndAdmin,
        ["GET /Offers/Show"] = s_boardAndAdmin,
        ["GET /Offers/Document"] = s_boardAndAdmin,
        ["GET /Waste"] = s_boardAndAdmin,
        ["GET /Waste/Index"] = s_boardAndAdmin,
        ["GET /Audit"] = s_boardAndAdmin,
        ["GET /Audit/Index"] = s_boardAndAdmin,
        ["GET /api/unit-costs"] = s_signedIn,
        ["POST /api/proposals/appraise"] = s_signedIn,
        ["GET /api/places/{code}/proposals"] = s_signedIn,
        ["POST /api/places/{code}/proposals"] = s_writers,
        ["GET /api/places/{code}/proposals/{id}/file"] = s_signedIn,
        ["POST /api/places/{code}/proposals/{id}/attach"] = s_boardAndAdmin,
        ["GET /Proposals"] = s_signedIn,
        ["GET /Proposals/Index"] = s_signedIn,
        ["GET /Proposals/Edit"] = s_signedIn,
    };

    [Fact]
    public async Task EveryOperationAndPage_EveryReader_AllowedOrRefusedAsDecided()
    {
        using var admin = await app.ClientForAsync(AccountsAppFixture.Admin);
        var operations = (await AppSurface.OperationsAsync(admin, Token)).Select(o => (o.Method, o.Template)).ToList();
        var pages = AppSurface.Pages(app.Services).Select(p => ("GET", p)).ToList();
        var surface = operations.Concat(pages).ToList();
        var undecided = surface.Select(s => $"{s.Item1} {s.Item2}").Where(key => !s_access.ContainsKey(key)).ToList();
        Assert.True(undecided.Count == 0, "No access decided for: " + string.Join(", ", undecided) + " (add them to s_access and docs/security.md)");

        var wrong = new List<string>();
        foreach (var (method, template) in surface)
        {
            var allowed = s_access[$"{method} {template}"];
            foreach (var user in s_everyone.Append(AccountsAppFixture.PoliceAnalyst))
            {
                // Redirects are not followed: a page that refuses answers with a redirect to sign-in or denied.
                using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
                if (user.Length > 0)
                {
                    using var signedIn = await app.ClientForAsync(user);
                    client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
                }
                var path = template.Replace("{code}", Place, StringComparison.Ordinal).Replace("{id}", NoSuchId, StringComparison.Ordinal);
                using var request = new HttpRequestMessage(new HttpMethod(method), path.StartsWith("/api", StringComparison.Ordinal) ? path : $"{path}?place={Place}&id={NoSuchId}");
                if (method != "GET")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request, Token);
                var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString is { } to
                        && (to.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase) || to.Contains("/Account/Denied", StringComparison.OrdinalIgnoreCase)));
                // The token endpoint is open to all and answers wrong credentials with its own 401 problem.
                if (template == "/api/account/token")
                {
                    refused = response.StatusCode != HttpStatusCode.Unauthorized
                        || !(await response.Content.ReadAsStringAsync(Token)).Contains("Sign-in failed", StringComparison.Ordinal);
                }

                // The denied page says so with its own 403.
                if (template == "/Account/Denied")
                {
                    refused = response.StatusCode != HttpStatusCode.Forbidden;
                }

                var shouldBeAllowed = allowed.Contains(user) || (user == AccountsAppFixture.PoliceAnalyst && allowed.Contains(AccountsAppFixture.CouncilAnalyst));
                if (refused == shouldBeAllowed || response.StatusCode == HttpStatusCode.InternalServerError)
                {
                    wrong.Add($"{method} {template} as '{user}': {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task Job_ReadByAnotherUser_IsNotFoundButItsOwnerAndAdministratorSeeIt()
    {
        using var chair = await app.ClientForAsync(AccountsAppFixture.Chair);
        using var analyst = await app.ClientForAsync(AccountsAppFixture.PoliceAnalyst);
        using var admin = await app.ClientForAsync(AccountsAppFixture.Admin);
        using var started = await chair.PostAsync("/api/appraisals/montecarlo?iterations=100&seed=1", new StringContent(Appraisal.SampleProposals.Jsa(), Encoding.UTF8, "application/json"), Token);
        started.EnsureSuccessStatusCode();
        var run = await started.Content.ReadFromJsonAsync<JsonElement>(Token);
        var runId = run.GetProperty("id").GetString();
        var jobId = run.GetProperty("job").GetProperty("id").GetString();

        using var ownerRun = await chair.GetAsync($"/api/appraisals/montecarlo/{runId}", Token);
        using var ownerJob = await chair.GetAsync($"/api/jobs/{jobId}", Token);
        using var otherRun = await analyst.GetAsync($"/api/appraisals/montecarlo/{runId}", Token);
        using var otherJob = await analyst.GetAsync($"/api/jobs/{jobId}", Token);
        using var adminJob = await admin.GetAsync($"/api/jobs/{jobId}", Token);

        Assert.Equal(HttpStatusCode.OK, ownerRun.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownerJob.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherRun.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherJob.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminJob.StatusCode);
    }

    [Fact]
    public async Task PendingUpload_AnotherWriterCancels_IsNotFoundAndTheUploadStays()
    {
        using var owner = await app.SignedInPagesAsync(AccountsAppFixture.CouncilAnalyst);
        using var other = await app.SignedInPagesAsync(AccountsAppFixture.PoliceAnalyst);
        var token = await owner.TokenFromAsync("/Import", Token);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(Place), "Place" },
            { new StringContent(AccountsAppFixture.Council), "Agency" },
            { new StringContent("LocalAuthority"), "Kind" },
            { new ByteArrayContent(SampleFiles.SecondHalf()), "Upload", "council.csv" },
        };
        using var uploaded = await owner.Http.PostAsync("/Import", form, Token);
        var id = ReviewId().Match(uploaded.Headers.Location!.OriginalString).Groups[1].Value;

        var otherToken = await other.TokenFromAsync("/Import", Token);
        using var cancel = await other.Http.PostAsync($"/Import/Review?id={id}&handler=cancel", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = otherToken }), Token);
        using var peek = await other.Http.GetAsync($"/Import/Review?id={id}", Token);
        using var stillThere = await owner.Http.GetAsync($"/Import/Review?id={id}", Token);

        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, peek.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData(AccountsAppFixture.CouncilAnalyst, false)]
    [InlineData(AccountsAppFixture.PoliceAnalyst, true)]
    [InlineData(AccountsAppFixture.Chair, true)]
    public async Task AgencyFilter_OnTransactions_ListsOnlyAgenciesWithDataTheReaderMaySee(string user, bool listsPolice)
    {
        using var client = user.Length == 0 ? new FormClient(app.BaseAddress) : await app.SignedInPagesAsync(user);

        var html = await client.Http.GetStringAsync($"/Transactions?place={Place}", Token);

        Assert.Contains($">{AccountsAppFixture.Council}</option>", html, StringComparison.Ordinal);
        Assert.Equal(listsPolice, html.Contains($">{AccountsAppFixture.Police}</option>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BearerToken_AccountRemovedThenRecreated_StopsWorkingAtOnce()
    {
        var accounts = app.Store.Accounts;
        var account = new UserAccount("temp-admin", UserPasswords.Hash("temp-admin", AccountsAppFixture.Password), UserRole.Administrator);
        await accounts.SaveUserAsync(account, Token);
        var token = await TokenAsync("temp-admin", AccountsAppFixture.Password);
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var before = await client.DeleteAsync($"/api/batches/{NoSuchId}", Token);

        await accounts.RemoveUserAsync("temp-admin", Token);
        using var removed = await client.DeleteAsync($"/api/batches/{NoSuchId}", Token);
        await accounts.SaveUserAsync(account with { PasswordHash = UserPasswords.Hash("temp-admin", AccountsAppFixture.Password) }, Token);
        using var recreated = await client.GetAsync("/api/audit", Token);

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, recreated.StatusCode);
        await accounts.RemoveUserAsync("temp-admin", Token);
    }

    [Fact]
    public async Task SignOut_OldCookieReplayed_IsNoLongerSignedIn()
    {
        using var client = await app.SignedInPagesAsync(AccountsAppFixture.Chair);
        var cookie = CookieHeader(client);
        var token = await client.TokenFromAsync("/Batches", Token);
        using var signOut = await client.Http.PostAsync("/Account/SignOut", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Token);

        using var replay = app.Anonymous();
        replay.DefaultRequestHeaders.Add("Cookie", cookie);
        var me = await replay.GetFromJsonAsync<JsonElement>("/api/account/me", Token);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(JsonValueKind.Null, me.GetProperty("role").ValueKind);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheNameOutEvenForTheRightOne()
    {
        var accounts = app.Store.Accounts;
        await accounts.SaveUserAsync(new UserAccount("locky", UserPasswords.Hash("locky", AccountsAppFixture.Password), UserRole.Board), Token);
        using var anonymous = app.Anonymous();

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await anonymous.PostAsJsonAsync("/api/account/token", new { userName = "locky", password = "wrong password " + i }, Token);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await anonymous.PostAsJsonAsync("/api/account/token", new { userName = "locky", password = AccountsAppFixture.Password }, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        await accounts.RemoveUserAsync("locky", Token);
    }

    [Fact]
    public async Task SignIn_BehindATlsProxy_CookieIsSecure()
    {
        using var client = new FormClient(app.BaseAddress);
        var token = await client.TokenFromAsync("/Account/SignIn", Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/SignIn")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["UserName"] = AccountsAppFixture.Chair,
                ["Password"] = AccountsAppFixture.Password,
            }),
        };
        // The test client is on loopback, which is a known proxy by default.
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.Http.SendAsync(request, Token);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("TotalPlace.SignIn=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<string> TokenAsync(string user, string password)
    {
        using var anonymous = app.Anonymous();
        using var response = await anonymous.PostAsJsonAsync("/api/account/token", new { userName = user, password }, Token);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("accessToken").GetString()!;
    }

    private static string CookieHeader(FormClient client) => client.Cookies.GetCookieHeader(client.Http.BaseAddress!);

    [GeneratedRegex("id=([0-9a-f]{32})")]
    private static partial Regex ReviewId();
}
