using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TotalPlace.Storage.Audit;
using TotalPlace.Web.Tests.Security;

namespace TotalPlace.Web.Tests.Audit;

/// <summary>The audit trail in Accounts mode: changes are recorded as the signed-in user, and only administrators and
/// the board may read the trail (it names people and shows every agency's unpublished figures).</summary>
[Collection(AccountsCollection.Name)]
public sealed class AuditRoleTests(AccountsAppFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reclassify_AsAnAdministratorsToken_IsRecordedUnderTheirName()
    {
        var admin = await app.ClientForAsync(AccountsAppFixture.Admin);
        var url = $"/api/audit?action={AuditActions.PlaceReclassified}";
        // Other tests on this shared app re-classify too, so "ours" is what is newer than the newest entry before.
        var before = (await admin.GetFromJsonAsync<JsonElement>(url, Token)).GetProperty("items").EnumerateArray()
            .Select(e => e.GetProperty("id").GetInt64()).DefaultIfEmpty(0).Max();
        using (var response = await admin.PostAsync($"/api/places/{AccountsAppFixture.PlaceCode}/reclassify", null, Token))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var page = await admin.GetFromJsonAsync<JsonElement>(url, Token);

        var entry = Assert.Single(page.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetInt64() > before);
        Assert.Equal(AccountsAppFixture.Admin, entry.GetProperty("actor").GetString());
    }

    [Theory]
    [InlineData(AccountsAppFixture.Admin, HttpStatusCode.OK)]
    [InlineData(AccountsAppFixture.Chair, HttpStatusCode.OK)]
    [InlineData(AccountsAppFixture.CouncilAnalyst, HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task ListAudit_EachReader_OnlyAdministratorsAndTheBoardMayRead(string? user, HttpStatusCode expected)
    {
        var client = user is null ? app.Anonymous() : await app.ClientForAsync(user);

        using var response = await client.GetAsync("/api/audit", Token);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(AccountsAppFixture.CouncilAnalyst)]
    [InlineData(AccountsAppFixture.PoliceAnalyst)]
    public async Task AuditPage_AnAgencyAnalystSignedIn_IsDenied(string user)
    {
        var pages = await app.SignedInPagesAsync(user);

        using var response = await pages.Http.GetAsync("/Audit", Token);

        var deniedPage = response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/Account/Denied", StringComparison.OrdinalIgnoreCase) == true;
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect || deniedPage, $"{response.StatusCode} at {response.RequestMessage?.RequestUri}");
        Assert.DoesNotContain("Audit trail, newest first", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }
}
