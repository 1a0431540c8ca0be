using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TotalPlace.Core.Places;
using TotalPlace.Storage;

namespace TotalPlace.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel server bound to a free loopback port, over a temporary DuckDB file seeded with
/// the first half of a real Devon spend file; and, for the browser tests, Debian's Chromium driven by Playwright.
/// </summary>
public class WebAppFixture : IAsyncLifetime
{
    public const string PlaceCode = "E10000008";
    public const string Agency = "Devon County Council";
    public const string ChromiumPath = "/usr/bin/chromium";

    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string Folder { get; } = Directory.CreateTempSubdirectory("totalplace-web-tests-").FullName;

    /// <summary>The DuckDB file the app runs on, for a CLI process that opens it beside the app.</summary>
    public string StorePath => Path.Combine(Folder, "web-tests.duckdb");

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public IPlaceStore Store => Services.GetRequiredService<IPlaceStore>();

    /// <summary>Where the browser tests save their screenshots (under the test output).</summary>
    public static string ScreenshotFolder => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async ValueTask InitializeAsync()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Store", StorePath);
            web.UseSetting("Demo:BuildOnFirstStart", "false");
            web.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        _factory = factory;
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        Client = new HttpClient { BaseAddress = BaseAddress };
        await SeedAsync();
    }

    /// <summary>Chromium, launched once on first use. Fails with the fix when Debian's package is missing.</summary>
    public async Task<IBrowser> BrowserAsync()
    {
        if (_browser is not null)
        {
            return _browser;
        }

        var path = Environment.GetEnvironmentVariable("TOTALPLACE_CHROMIUM") ?? ChromiumPath;
        if (!File.Exists(path))
        {
            Assert.Fail($"Chromium is not installed at {path}: run test-setup/install-chromium.sh (as root) and run the tests again.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
        return _browser;
    }

    /// <summary>A new page in a fresh browser context that accepts downloads, with the app's address as base.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var browser = await BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        // CI runs every test assembly at once on two cores; a page that takes seconds to answer is slow, not broken.
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(90_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        return page;
    }

    /// <summary>The store's own total for the seeded place and year, the figure the pages must show.</summary>
    public async Task<decimal> StoreTotalAsync(Core.FiscalYear year) =>
        (await Store.Spend.MapAsync(new MapQuery(PlaceCode, [], year), TestContext.Current.CancellationToken)).Total;

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Client?.Dispose();
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

    /// <summary>Fills the new store before the tests run; a fixture with other data overrides it.</summary>
    protected virtual async Task SeedAsync()
    {
        var store = Store;
        await store.Places.EnsurePlaceAsync(PlaceCode);
        await store.Places.EnsureAgencyAsync(PlaceCode, new Agency(Agency, AgencyKind.LocalAuthority, FundingSource.LocalTaxation));
        await SampleFiles.CommitAsync(store, PlaceCode, Agency, "devon-first-half.csv", SampleFiles.FirstHalf(), "web tests");
    }
}
