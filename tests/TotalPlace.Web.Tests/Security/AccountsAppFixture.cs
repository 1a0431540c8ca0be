using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TotalPlace.Core.Places;
using TotalPlace.Storage;
using TotalPlace.Storage.Identity;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Security;

/// <summary>
/// The real app in Accounts mode on a real Kestrel server over its own temporary DuckDB file, seeded with two
/// agencies' batches in Devon: the council's (the first half of the real Devon file, published) and the police's
/// (the second half, not published); and four accounts, one a role.
/// </summary>
public sealed class AccountsAppFixture : IAsyncLifetime
{
    public const string PlaceCode = "E10000008";
    public const string Council = "Devon County Council";
    public const string Police = "Devon and Cornwall Police";
    public const string Password = "a long test password";
    public const string Admin = "ada";
    public const string Chair = "chair";
    public const string CouncilAnalyst = "cara";
    public const string PoliceAnalyst = "pete";

    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private WebApplicationFactory<Program>? _factory;

    public string Folder { get; } = Directory.CreateTempSubdirectory("totalplace-accounts-tests-").FullName;

    public Uri BaseAddress { get; private set; } = null!;

    public IPlaceStore Store => _factory!.Services.GetRequiredService<IPlaceStore>();

    public IServiceProvider Services => _factory!.Services;

    /// <summary>The council's batch (published).</summary>
    public ImportBatch CouncilBatch { get; private set; } = null!;

    /// <summary>The police's batch (not published).</summary>
    public ImportBatch PoliceBatch { get; private set; } = null!;

    /// <summary>The council's total, summed from its file independently of the importer and the store.</summary>
    public decimal CouncilTotal { get; } = SampleFiles.IndependentTotal(SampleFiles.FirstHalf());

    /// <summary>The police's total, summed from its file independently of the importer and the store.</summary>
    public decimal PoliceTotal { get; } = SampleFiles.IndependentTotal(SampleFiles.SecondHalf());

    public async ValueTask InitializeAsync()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Store", Path.Combine(Folder, "accounts-tests.duckdb"));
            web.UseSetting("Demo:BuildOnFirstStart", "false");
            web.UseSetting("Auth:Mode", "Accounts");
            // The tests sign in many times a minute from one address; the limit itself is tested in Local mode.
            web.UseSetting("Auth:SignInAttemptsPerMinute", "1000");
            web.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        _factory = factory;
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        await SeedAsync();
    }

    /// <summary>A client with no credentials: the public.</summary>
    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    /// <summary>A client that sends the user's bearer token, got once from POST /api/account/token.</summary>
    public async Task<HttpClient> ClientForAsync(string user)
    {
        if (!_tokens.TryGetValue(user, out var token))
        {
            using var anonymous = Anonymous();
            using var response = await anonymous.PostAsJsonAsync("/api/account/token", new { userName = user, password = Password }, TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            token = body.GetProperty("accessToken").GetString()!;
            _tokens[user] = token;
        }

        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A cookie-keeping client signed in through the sign-in page, as a browser would be.</summary>
    public async Task<FormClient> SignedInPagesAsync(string user)
    {
        var client = new FormClient(BaseAddress);
        var token = await client.TokenFromAsync("/Account/SignIn", TestContext.Current.CancellationToken);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["UserName"] = user,
            ["Password"] = Password,
        });
        using var response = await client.Http.PostAsync("/Account/SignIn", form, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task SeedAsync()
    {
        var store = Store;
        await store.Places.EnsurePlaceAsync(PlaceCode);
        await store.Places.EnsureAgencyAsync(PlaceCode, new Agency(Council, AgencyKind.LocalAuthority, FundingSource.LocalTaxation));
        await store.Places.EnsureAgencyAsync(PlaceCode, new Agency(Police, AgencyKind.Police, FundingSource.Unknown));
        CouncilBatch = (await SampleFiles.CommitAsync(store, PlaceCode, Council, "devon-first-half.csv", SampleFiles.FirstHalf(), "accounts tests")).Batch;
        PoliceBatch = (await SampleFiles.CommitAsync(store, PlaceCode, Police, "police-second-half.csv", SampleFiles.SecondHalf(), "accounts tests")).Batch;
        CouncilBatch = (await store.Spend.SetPublishedAsync(CouncilBatch.Id, true, Chair, DateTimeOffset.UtcNow))!;

        var accounts = store.Accounts;
        await accounts.SaveUserAsync(new UserAccount(Admin, UserPasswords.Hash(Admin, Password), UserRole.Administrator));
        await accounts.SaveUserAsync(new UserAccount(Chair, UserPasswords.Hash(Chair, Password), UserRole.Board));
        await accounts.SaveUserAsync(new UserAccount(CouncilAnalyst, UserPasswords.Hash(CouncilAnalyst, Password), UserRole.AgencyAnalyst, PlaceCode, Council));
        await accounts.SaveUserAsync(new UserAccount(PoliceAnalyst, UserPasswords.Hash(PoliceAnalyst, Password), UserRole.AgencyAnalyst, PlaceCode, Police));
    }
}
