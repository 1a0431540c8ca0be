using System.Net;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Security;

/// <summary>The sign-in and sign-out pages in Accounts mode, through real HTTP with cookies and antiforgery.</summary>
[Collection(AccountsCollection.Name)]
[Trait("Issue", "7")]
public sealed class SignInPageTests(AccountsAppFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInThenSignOut_Analyst_HeaderNamesThemThenThePublic()
    {
        using var client = new FormClient(app.BaseAddress);
        var before = await client.Http.GetStringAsync("/", Token);
        var token = await client.TokenFromAsync("/Account/SignIn", Token);

        using var signIn = await client.Http.PostAsync("/Account/SignIn", Form(token, AccountsAppFixture.CouncilAnalyst, AccountsAppFixture.Password, "/Batches"), Token);
        var signedIn = await client.Http.GetStringAsync("/", Token);
        using var signOut = await client.Http.PostAsync("/Account/SignOut", Form(await client.TokenFromAsync("/", Token)), Token);
        var after = await client.Http.GetStringAsync("/", Token);

        Assert.Contains("Public reader", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/Batches", signIn.Headers.Location!.OriginalString);
        Assert.Contains("Signed in as cara (agency analyst, Devon County Council)", signedIn, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Contains("Public reader", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Signed in as", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoAndSetsNoCookie()
    {
        using var client = new FormClient(app.BaseAddress);
        var token = await client.TokenFromAsync("/Account/SignIn", Token);

        using var response = await client.Http.PostAsync("/Account/SignIn", Form(token, AccountsAppFixture.Admin, "not the password"), Token);
        var html = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The user name or password is wrong.", html, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("TotalPlace.SignIn=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_ReturnUrlOnAnotherSite_GoesHomeInstead()
    {
        using var client = new FormClient(app.BaseAddress);
        var token = await client.TokenFromAsync("/Account/SignIn", Token);

        using var response = await client.Http.PostAsync("/Account/SignIn", Form(token, AccountsAppFixture.Chair, AccountsAppFixture.Password, "https://evil.example/"), Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/Import")]
    [InlineData("/Offers")]
    [InlineData("/Waste")]
    public async Task Page_NotSignedIn_RedirectsToSignIn(string path)
    {
        using var client = new FormClient(app.BaseAddress);

        using var response = await client.Http.GetAsync(path, Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPage_Board_IsDenied()
    {
        using var client = await app.SignedInPagesAsync(AccountsAppFixture.Chair);

        using var response = await client.Http.GetAsync("/Import", Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchPage_Board_OffersPublishButNotDelete()
    {
        using var board = await app.SignedInPagesAsync(AccountsAppFixture.Chair);
        using var analyst = await app.SignedInPagesAsync(AccountsAppFixture.PoliceAnalyst);

        var boardView = await board.Http.GetStringAsync($"/Batches/Detail?id={app.PoliceBatch.Id}", Token);
        var analystView = await analyst.Http.GetStringAsync($"/Batches/Detail?id={app.PoliceBatch.Id}", Token);

        Assert.Contains("Publish this batch", boardView, StringComparison.Ordinal);
        Assert.DoesNotContain("Delete this batch", boardView, StringComparison.Ordinal);
        Assert.Contains("Delete this batch", analystView, StringComparison.Ordinal);
        Assert.DoesNotContain("Publish this batch", analystView, StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(string token, string? user = null, string? password = null, string? returnUrl = null)
    {
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
        if (user is not null)
        {
            fields["UserName"] = user;
            fields["Password"] = password!;
        }

        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        return new FormUrlEncodedContent(fields);
    }
}
