using System.Net;
using TotalPlace.Storage.Audit;
using TotalPlace.Testing;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Security;

/// <summary>Deleting a place is an administrator's: an agency analyst or a board member who posts the form with a
/// valid antiforgery token is refused and the place stays; the administrator's post deletes it, audited under their
/// name. A post without the antiforgery token deletes nothing, even from an administrator.</summary>
[Collection(AccountsCollection.Name)]
[Trait("Issue", "15")]
public sealed class DeletePlaceRoleTests(AccountsAppFixture app)
{
    private const string Mistake = "E06000047";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeletePlace_AnalystOrBoardOrNoToken_RefusedAndThePlaceStays_AdministratorDeletesIt()
    {
        await app.Store.Spend.CommitTransactionsAsync(
            Headers.For(Mistake, AccountsAppFixture.Council, "role-mistake"),
            [new TransactionBuilder().Paying(42.42m).AtRow(2).Build()],
            Token);

        foreach (var user in new[] { AccountsAppFixture.CouncilAnalyst, AccountsAppFixture.Chair })
        {
            using var client = await app.SignedInPagesAsync(user);
            using var page = await client.Http.GetAsync($"/Places/Delete?place={Mistake}", Token);
            using var post = await PostAsync(client, await client.TokenFromAsync("/Account/SignIn", Token));

            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/Account/Denied", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.StartsWith("/Account/Denied", post.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.NotNull(await app.Store.Places.FindPlaceAsync(Mistake, Token));
        }

        using var admin = await app.SignedInPagesAsync(AccountsAppFixture.Admin);
        using (var withoutToken = await PostAsync(admin, token: null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
            Assert.NotNull(await app.Store.Places.FindPlaceAsync(Mistake, Token));
        }

        using var deleted = await PostAsync(admin, await admin.TokenFromAsync($"/Places/Delete?place={Mistake}", Token));

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await app.Store.Places.FindPlaceAsync(Mistake, Token));
        var entry = Assert.Single((await app.Store.Audit.QueryAuditAsync(new AuditQuery(PlaceCode: Mistake, Action: AuditActions.PlaceDeleted), Token)).Items);
        Assert.Equal(AccountsAppFixture.Admin, entry.Actor);
        Assert.NotNull(await app.Store.Places.FindPlaceAsync(AccountsAppFixture.PlaceCode, Token));
    }

    private static async Task<HttpResponseMessage> PostAsync(FormClient client, string? token)
    {
        var fields = new Dictionary<string, string> { ["Place"] = Mistake, ["Confirm"] = Mistake };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        using var form = new FormUrlEncodedContent(fields);
        return await client.Http.PostAsync("/Places/Delete", form, Token);
    }
}
