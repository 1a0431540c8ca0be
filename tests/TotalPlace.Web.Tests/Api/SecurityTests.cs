using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using TotalPlace.Web.Hosting;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Api;

/// <summary>The security basics: loopback by default, antiforgery, content checks, no user path on disk.</summary>
[Collection(WebCollection.Name)]
public sealed class SecurityTests(WebAppFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void UseLoopbackByDefault_NoUrlsConfigured_BindsTo127001()
    {
        var builder = WebApplication.CreateBuilder();

        builder.UseLoopbackByDefault();

        Assert.Equal("http://127.0.0.1:5080", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Fact]
    public void UseLoopbackByDefault_UrlsGiven_KeepsThem()
    {
        var builder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:6123"]);

        builder.UseLoopbackByDefault();

        Assert.Equal("http://127.0.0.1:6123", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = new FormClient(app.BaseAddress);

        using var response = await client.UploadAsync("spend.csv", SampleFiles.SecondHalf(), Token, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Upload_BinaryFileNamedCsv_IsRefusedByContent()
    {
        using var client = new FormClient(app.BaseAddress);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

        using var response = await client.UploadAsync("spend.csv", png, Token);
        var html = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is not a CSV or Excel workbook", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("/tmp")]
    public async Task Review_IdThatIsNotAPendingUpload_Returns404(string id)
    {
        using var response = await app.Client.GetAsync($"/Import/Review?id={id}", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Upload_PathInFileName_KeepsOnlyTheName()
    {
        using var client = new FormClient(app.BaseAddress);

        using var response = await client.UploadAsync("../../../etc/evil.csv", SampleFiles.SecondHalf(), Token);
        var review = await client.Http.GetStringAsync(response.Headers.Location, Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("<h1>Check evil.csv</h1>", review, StringComparison.Ordinal);
        Assert.DoesNotContain("../", review, StringComparison.Ordinal);
    }
}
