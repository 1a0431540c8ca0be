using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using TotalPlace.Web.Hosting;
using TotalPlace.Web.Security;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Security;

/// <summary>Local mode (the default): every request is the local administrator, and only on loopback.</summary>
[Collection(WebCollection.Name)]
[Trait("Issue", "7")]
public sealed class LocalModeTests(WebAppFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    [Trait("Issue", "15")]
    public async Task WebApp_LocalModeOnANetworkAddress_ExitsWithOneLineAndCode2NotAStackTrace()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TotalPlace.Web.dll");
        Assert.True(File.Exists(dll), $"the web app is built beside the tests: {dll}");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in new[] { "exec", dll, "--urls", "http://0.0.0.0:5999", "--Store", Path.Combine(Path.GetTempPath(), $"refused-{Guid.NewGuid():N}.duckdb") })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(Token);
        var stdout = process.StandardOutput.ReadToEndAsync(Token);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        var error = (await stderr).Trim();
        Assert.Equal(StartupRefusedException.ExitCode, process.ExitCode);
        Assert.DoesNotContain('\n', error);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains("not loopback", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + await stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_LocalMode_IsTheLocalAdministrator()
    {
        var me = await app.Client.GetFromJsonAsync<JsonElement>("/api/account/me", Token);
        var page = await app.Client.GetStringAsync("/Batches", Token);

        Assert.Equal("Local", me.GetProperty("mode").GetString());
        Assert.Equal(TotalPlaceClaims.LocalAdministratorName, me.GetProperty("name").GetString());
        Assert.Equal("Administrator", me.GetProperty("role").GetString());
        Assert.Contains(">local administrator</span>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://192.168.1.20:5080")]
    [InlineData("http://totalplace.example.org")]
    public void AddTotalPlaceWeb_LocalModeOnANetworkAddress_RefusesToStart(string url)
    {
        var builder = WebApplication.CreateBuilder(["--urls", url]);

        var refused = Assert.Throws<StartupRefusedException>(() => builder.AddTotalPlaceWeb());

        Assert.Contains("not loopback", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Auth:Mode=Accounts", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTotalPlaceWeb_AccountsModeOnANetworkAddress_Starts()
    {
        var builder = WebApplication.CreateBuilder(["--urls", "http://0.0.0.0:5080", "--Auth:Mode", "Accounts"]);

        builder.AddTotalPlaceWeb();

        Assert.Contains(builder.Services, s => s.ServiceType == typeof(SecuritySettings));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:0", true)]
    [InlineData("https://127.0.0.2:443/", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://10.0.0.1:80", false)]
    public void IsLoopback_Address_SaysWhetherOnlyThisMachineCanReachIt(string address, bool loopback) =>
        Assert.Equal(loopback, BindingGuard.IsLoopback(address));

    [Fact]
    public async Task ApiWrite_FromAnotherSitesPage_IsRefused()
    {
        var batch = (await app.Store.Spend.ListBatchesAsync(WebAppFixture.PlaceCode, Token))[0];
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/batches/{batch.Id}");
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await app.Client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(await app.Store.Spend.ListBatchesAsync(WebAppFixture.PlaceCode, Token), b => b.Id == batch.Id);
    }
}
