using System.Net;
using System.Net.Http.Json;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Security;

/// <summary>The browser-side defences on every response: each page, each API operation, static files, not-found and
/// refusals; and Local mode's refusal of requests addressed to anything but a loopback name (DNS rebinding).</summary>
[Collection(WebCollection.Name)]
[Trait("Issue", "15")]
public sealed class SecurityHeadersTests(WebAppFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryResponse_PagesApiStaticAndErrors_CarriesTheSecurityHeaders()
    {
        var batch = (await app.Store.Spend.ListBatchesAsync(WebAppFixture.PlaceCode, Token))[0];
        var values = new Dictionary<string, string> { ["code"] = WebAppFixture.PlaceCode, ["id"] = batch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var requests = new List<(HttpMethod Method, string Path)>();
        requests.AddRange(AppSurface.Pages(app.Services).Select(p => (HttpMethod.Get, p + "?place=" + WebAppFixture.PlaceCode)));
        // Writes are sent with no body from another site's origin, so each is refused and changes nothing.
        requests.AddRange((await AppSurface.OperationsAsync(app.Client, Token)).Select(o => (new HttpMethod(o.Method), o.Path(values))));
        requests.Add((HttpMethod.Get, "/css/site.css"));
        requests.Add((HttpMethod.Get, "/js/charts.js"));
        requests.Add((HttpMethod.Get, "/no-such-page"));
        requests.Add((HttpMethod.Get, "/api/batches/999999999"));

        var missing = new List<string>();
        foreach (var (method, path) in requests)
        {
            using var request = new HttpRequestMessage(method, path);
            if (method != HttpMethod.Get)
            {
                request.Headers.Add("Origin", "https://evil.example");
            }

            using var response = await app.Client.SendAsync(request, Token);
            string? Header(string name) => response.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : null;
            var csp = Header("Content-Security-Policy") ?? "";
            if (!csp.Contains("script-src 'self'", StringComparison.Ordinal) || !csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal)
                || Header("X-Content-Type-Options") != "nosniff" || Header("X-Frame-Options") != "DENY" || Header("Referrer-Policy") is null)
            {
                missing.Add($"{method} {path} ({(int)response.StatusCode})");
            }
        }

        Assert.True(requests.Count > 30, $"only {requests.Count} requests were made");
        Assert.Empty(missing);
        Assert.Contains(await app.Store.Spend.ListBatchesAsync(WebAppFixture.PlaceCode, Token), b => b.Id == batch.Id);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:{port}")]
    [InlineData("192.168.1.20:{port}")]
    [InlineData("localhost:1")]
    [InlineData("127.0.0.1.evil.example:{port}")]
    public async Task LocalMode_HostThatIsNotLoopbackOnTheBoundPort_IsRefused(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/account/me");
        request.Headers.Host = host.Replace("{port}", app.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var response = await app.Client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("[::1]")]
    public async Task LocalMode_LoopbackNameOnTheBoundPort_IsAnswered(string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/account/me");
        request.Headers.Host = $"{name}:{app.BaseAddress.Port}";

        using var response = await app.Client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("http://localhost:{port}", false)]
    [InlineData("http://127.0.0.1:{port}", false)]
    [InlineData("http://localhost:1", true)]
    [InlineData("http://evil.example:{port}", true)]
    public async Task LocalMode_ApiWriteWithOrigin_IsJudgedAgainstTheBoundOriginsNotTheHost(string origin, bool refused)
    {
        var port = app.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/batches/999999999/publish");
        request.Headers.Add("Origin", origin.Replace("{port}", port, StringComparison.Ordinal));

        using var response = await app.Client.SendAsync(request, Token);

        // A same-origin call reaches the endpoint, which finds no such batch.
        Assert.Equal(refused ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SignInAttempts_MoreThanTheLimitPerMinuteFromOneAddress_AreRefusedWith429()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 31; i++)
        {
            using var response = await app.Client.PostAsync("/api/account/token", JsonContent.Create(new { userName = "nobody", password = "not a password" }), Token);
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(30));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
