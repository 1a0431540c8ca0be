using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TotalPlace.Storage;
using TotalPlace.Storage.Postgres;
using TotalPlace.Testing;
using TotalPlace.Web.Hosting;

namespace TotalPlace.Web.Tests.Hosting;

/// <summary>The real app (Kestrel on a free loopback port) on a throwaway PostgreSQL cluster: it migrates on start,
/// builds the demo place, serves its map through the API, and refuses to start, in one line, when the server cannot
/// be reached or its schema is newer than the app.</summary>
public sealed class PostgresWebAppTests(PostgresClusterFixture cluster) : IClassFixture<PostgresClusterFixture>
{
    private const string DemoPlace = "E11000001";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task App_OnAPostgresUri_BuildsTheDemoOnFirstStart_AndServesItsMapOffersAndWaste()
    {
        var store = await NewDatabaseUriAsync();
        await using var app = Start(store, buildDemo: true);
        using var client = new HttpClient { BaseAddress = Address(app) };

        Assert.Equal("postgres", app.Services.GetRequiredService<IPlaceStore>().Engine);
        await WaitUntilReadyAsync(app, client);
        var map = await client.GetFromJsonAsync<JsonElement>($"api/places/{DemoPlace}/map?by=theme", Ct);

        await using var independent = await PlaceStore.OpenAsync(store, Ct);
        var expected = await independent.Spend.MapAsync(new MapQuery(DemoPlace, [MapDimension.Theme]), Ct);
        Assert.True(expected.Total > 0m, "the demo place was not built into PostgreSQL");
        Assert.Equal(expected.Total, map.GetProperty("total").GetDecimal());
        Assert.Equal(expected.Rows.Count, map.GetProperty("rows").GetArrayLength());

        // The waste and offer sides are kept on PostgreSQL too (they used to be DuckDB-only).
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"api/places/{DemoPlace}/offers", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"api/places/{DemoPlace}/waste", Ct)).StatusCode);
    }

    [Fact]
    public async Task App_OnAnNpgsqlConnectionStringInAnyKeyOrder_MigratesAndServes()
    {
        var uri = await NewDatabaseUriAsync();
        var database = new Uri(uri).AbsolutePath.TrimStart('/');
        var connectionString = $"Database={database};Username=postgres;Port={cluster.Port};Host=127.0.0.1";
        await using var app = Start(connectionString, buildDemo: false);
        using var client = new HttpClient { BaseAddress = Address(app) };

        await WaitUntilReadyAsync(app, client);

        Assert.Equal("postgres", app.Services.GetRequiredService<IPlaceStore>().Engine);
        await using var independent = await PlaceStore.OpenAsync(uri, Ct);
        Assert.Empty(await independent.Places.ListPlacesAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/status", Ct)).StatusCode);
    }

    [Fact]
    public void App_ServerUnreachable_RefusesToStartWithOneLineNamingTheServer()
    {
        var port = ClosedPort();

        var error = StartFails($"postgres://postgres:secret@127.0.0.1:{port}/totalplace");

        Assert.StartsWith(
            $"TotalPlace cannot start with the store PostgreSQL 127.0.0.1:{port}/totalplace as postgres: the server cannot be reached or refused the connection: ",
            error,
            StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
        Assert.DoesNotContain("secret", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_SchemaNewerThanTheApp_RefusesToStartWithOneLine()
    {
        var store = await NewDatabaseUriAsync();
        await (await PlaceStore.OpenAsync(store, Ct)).DisposeAsync();

        await using (var connection = new NpgsqlConnection(PostgresPlaceStore.ToConnectionString(store)))
        {
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand("INSERT INTO schema_version VALUES (999, 'from_a_newer_totalplace', now())", connection);
            await command.ExecuteNonQueryAsync(Ct);
        }

        var error = StartFails(store);

        Assert.Contains("has schema version 999, newer than this TotalPlace knows", error, StringComparison.Ordinal);
        Assert.StartsWith("TotalPlace cannot start with the store PostgreSQL 127.0.0.1:", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public async Task App_OnPostgres_NulInAQueryOrAPlaceThatIsNotACode_Is400NotA500()
    {
        var store = await NewDatabaseUriAsync();
        await using var app = Start(store, buildDemo: false);
        using var client = new HttpClient { BaseAddress = Address(app) };
        await WaitUntilReadyAsync(app, client);

        using var nulInApi = await client.GetAsync("api/audit?actor=a%00b", Ct);
        using var nulInPage = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "Transactions?supplier=%00") { Headers = { { "Accept", "text/html" } } }, Ct);
        using var notAPlace = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "?place=nowhere") { Headers = { { "Accept", "text/html" } } }, Ct);
        using var fine = await client.GetAsync("api/audit?actor=ab", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, nulInApi.StatusCode);
        Assert.Equal("application/problem+json", nulInApi.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, nulInPage.StatusCode);
        Assert.Equal("text/html", nulInPage.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, notAPlace.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    private async Task<string> NewDatabaseUriAsync()
    {
        var connectionString = await cluster.CreateDatabaseAsync(Ct);
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        return $"postgres://postgres@127.0.0.1:{cluster.Port}/{database}";
    }

    private static WebApplicationFactory<Program> Factory(string store, bool buildDemo)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Store", store);
            web.UseSetting("Demo:BuildOnFirstStart", buildDemo ? "true" : "false");
            web.UseSetting("Demo:LinesPerYear", "3000");
            web.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        return factory;
    }

    private static WebApplicationFactory<Program> Start(string store, bool buildDemo)
    {
        var factory = Factory(store, buildDemo);
        factory.StartServer();
        return factory;
    }

    // The message the app stops with: the refusal is the first exception in the chain that carries it.
    private static string StartFails(string store)
    {
        using var factory = Factory(store, buildDemo: false);
        var error = Assert.ThrowsAny<Exception>(factory.StartServer);
        for (Exception? e = error; e is not null; e = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerExceptions[0] : e.InnerException)
        {
            if (e.Message.StartsWith("TotalPlace cannot start", StringComparison.Ordinal))
            {
                return e.Message;
            }
        }

        throw new Xunit.Sdk.XunitException("The app failed to start without saying why in one line: " + error);
    }

    private static Uri Address(WebApplicationFactory<Program> app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    // The start-up's own signal (StoreStatus.Settled), not a poll of api/status; the API then says the same.
    private static async Task WaitUntilReadyAsync(WebApplicationFactory<Program> app, HttpClient client)
    {
        var settled = await app.Services.GetRequiredService<StoreStatus>().Settled.WaitAsync(TimeSpan.FromMinutes(5), Ct);
        Assert.True(settled.IsReady, $"The app did not become ready: {settled}");
        var status = await client.GetFromJsonAsync<JsonElement>("api/status", Ct);
        Assert.Equal("Ready", status.GetProperty("state").GetString());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
