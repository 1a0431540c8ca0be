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
using TotalPlace.Web.Hosting;

namespace TotalPlace.Web.Tests.Api;

/// <summary>The README's first command: an empty store gets the demo place built in the background on first start,
/// while the server already answers.</summary>
public sealed class FirstStartTests
{
    private static (WebApplicationFactory<Program> Factory, HttpClient Client, string Folder) Start(int linesPerYear)
    {
        var folder = Directory.CreateTempSubdirectory("totalplace-web-first-start-").FullName;
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Store", Path.Combine(folder, "first-start.duckdb"));
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            web.UseSetting("Demo:LinesPerYear", linesPerYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return (factory, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) }, folder);
    }

    /// <summary>
    /// The stall once seen (the build stopping at 70% while the page polled) came from reading the store while the
    /// build wrote it; the dashboard page now shows only the banner during the build, but the API does not, so this
    /// reads the place through every store-reading endpoint, from four clients at once, for the whole build.
    /// </summary>
    [Fact]
    public async Task FirstStart_ReadersOnEveryEndpointDuringTheBuild_BuildFinishesAndFiguresAgree()
    {
        var token = TestContext.Current.CancellationToken;
        var (factory, client, folder) = Start(linesPerYear: 6000);
        await using var _ = factory;
        using var __ = client;
        using var finished = CancellationTokenSource.CreateLinkedTokenSource(token);
        var paths = new[]
        {
            $"/api/places/{DemoPlace.Code}/dashboard", $"/api/places/{DemoPlace.Code}/transactions?pageSize=50", "/api/batches",
            $"/api/places/{DemoPlace.Code}/map?by=theme,agency", "/api/compare", "/Transactions?place=" + DemoPlace.Code,
        };
        var answered = 0;
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var readers = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            for (var n = i; !finished.IsCancellationRequested; n++)
            {
                try
                {
                    using var response = await client.GetAsync(paths[n % paths.Length], finished.Token);
                    // 404 is right while the place does not exist yet; a 5xx is a failure.
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{paths[n % paths.Length]}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(finished.Token)}");
                    }

                    Interlocked.Increment(ref answered);
                }
                catch (OperationCanceledException) when (finished.IsCancellationRequested)
                {
                }
            }
        }, token)).ToList();

        // The start-up's own signal (StoreStatus.Settled), not a poll of /api/status; the API then says the same.
        var settled = await factory.Services.GetRequiredService<StoreStatus>().Settled.WaitAsync(TimeSpan.FromMinutes(5), token);
        var status = await client.GetFromJsonAsync<JsonElement>("/api/status", token);

        await finished.CancelAsync();
        await Task.WhenAll(readers);
        Assert.True(settled.IsReady, $"The build did not finish: {settled}; {answered} reads answered meanwhile.");
        Assert.Equal("Ready", status.GetProperty("state").GetString());
        Assert.Empty(failures);
        Assert.True(answered > 0, "The readers were answered during the build.");
        var dashboard = await client.GetFromJsonAsync<JsonElement>($"/api/places/{DemoPlace.Code}/dashboard", token);
        var store = factory.Services.GetRequiredService<IPlaceStore>();
        var year = Core.FiscalYear.Parse(dashboard.GetProperty("year").GetString()!);
        Assert.Equal((await store.Spend.MapAsync(new MapQuery(DemoPlace.Code, [], year), token)).Total, dashboard.GetProperty("total").GetDecimal());
        var batches = await store.Spend.ListBatchesAsync(DemoPlace.Code, token);
        Assert.Equal((await store.Spend.MapAsync(new MapQuery(DemoPlace.Code, [], Source: MapSource.Transactions), token)).Total, batches.Where(b => b.Kind == BatchKinds.Transactions).Sum(b => b.Total));
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

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

        // The page answers at once, during the build (with the progress banner) or after it (with the place).
        var html = await client.GetStringAsync("/", token);
        Assert.True(html.Contains("store-status", StringComparison.Ordinal) || html.Contains("Greater Manchester", StringComparison.Ordinal));
        var settled = await factory.Services.GetRequiredService<StoreStatus>().Settled.WaitAsync(TimeSpan.FromMinutes(5), token);
        var status = await client.GetFromJsonAsync<JsonElement>("/api/status", token);

        Assert.True(settled.IsReady, settled.ToString());
        Assert.Equal("Ready", status.GetProperty("state").GetString());
        var dashboard = await client.GetFromJsonAsync<JsonElement>($"/api/places/{DemoPlace.Code}/dashboard", token);
        var store = factory.Services.GetRequiredService<IPlaceStore>();
        var year = Core.FiscalYear.Parse(dashboard.GetProperty("year").GetString()!);
        var map = await store.Spend.MapAsync(new MapQuery(DemoPlace.Code, [], year), token);
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
