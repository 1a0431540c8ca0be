using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TotalPlace.Demo;
using TotalPlace.Storage;

namespace TotalPlace.Web.Tests.Api;

/// <summary>The README's first command: an empty store gets the demo place built in the background on first start,
/// while the server already answers.</summary>
public sealed class FirstStartTests
{
    [Fact]
    public async Task FirstStart_EmptyStore_BuildsTheDemoPlaceWhileServing()
    {
        var token = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("totalplace-web-first-start-").FullName;
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Store", Path.Combine(folder, "first-start.duckdb"));
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            // A smaller demo than the default keeps the test quick on a busy 2-core machine; the path is the same.
            web.UseSetting("Demo:LinesPerYear", "3000");
        });
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        var states = new List<string>();
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            var status = await client.GetFromJsonAsync<JsonElement>("/api/status", token);
            states.Add(status.GetProperty("state").GetString()!);
            if (states[^1] is "Ready" or "Failed")
            {
                break;
            }

            // The pages answer during the build, with the progress banner.
            var html = await client.GetStringAsync("/", token);
            Assert.True(html.Contains("store-status", StringComparison.Ordinal) || html.Contains("Greater Manchester", StringComparison.Ordinal));
            await Task.Delay(250, token);
        }

        Assert.Equal("Ready", states[^1]);
        var dashboard = await client.GetFromJsonAsync<JsonElement>($"/api/places/{DemoPlace.Code}/dashboard", token);
        var store = factory.Services.GetRequiredService<IPlaceStore>();
        var year = Core.FiscalYear.Parse(dashboard.GetProperty("year").GetString()!);
        var map = await store.MapAsync(new MapQuery(DemoPlace.Code, [], year), token);
        Assert.Equal(map.Total, dashboard.GetProperty("total").GetDecimal());
        Assert.True(map.Total > 1_000_000_000m, "the demo place is a city region counted in billions");
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
