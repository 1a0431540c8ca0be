using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.OpenApi;
using TotalPlace.Core;
using TotalPlace.Web.Api;
using TotalPlace.Web.Dashboard;
using TotalPlace.Web.Imports;
using TotalPlace.Web.Jobs;
using TotalPlace.Web.Security;

namespace TotalPlace.Web.Hosting;

/// <summary>The Add…/Use… calls that Program.cs is made of.</summary>
public static class HostingExtensions
{
    /// <summary>The address used when neither <c>--urls</c>, ASPNETCORE_URLS nor Kestrel endpoints say otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The largest upload accepted: big enough for a year of a county council's spend, no more.</summary>
    public const long MaxUploadBytes = 64L * 1024 * 1024;

    /// <summary>Binds to loopback only unless told otherwise, so a first run never exposes the store to the network.</summary>
    public static WebApplicationBuilder UseLoopbackByDefault(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configured = builder.Configuration["urls"] ?? builder.Configuration["http_ports"] ?? builder.Configuration["https_ports"];
        if (string.IsNullOrWhiteSpace(configured) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }

    /// <summary>Opens the store named by the <c>Store</c> setting and prepares it on start.</summary>
    public static WebApplicationBuilder AddPlaceStore(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Read when first needed rather than now, so settings added later (tests, environment) are seen.
        builder.Services.AddSingleton(sp => StoreSettings.From(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton<StoreStatus>();
        builder.Services.AddSingleton(sp => StoreFactory.Open(sp.GetRequiredService<StoreSettings>()));
        builder.Services.AddHostedService<StoreStartup>();
        return builder;
    }

    /// <summary>The UI, the API's plumbing and the background work.</summary>
    public static WebApplicationBuilder AddTotalPlaceWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddRazorPages();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new Security.MultipartNulFilter()));
        services.AddProblemDetails();
        services.AddExceptionHandler<Security.NulCharacterExceptionHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new FiscalYearJsonConverter());
        });
        services.AddOpenApi(o => o.AddSchemaTransformer((schema, context, _) =>
        {
            // The converter writes financial years as text, so the document must say so.
            if (context.JsonTypeInfo.Type == typeof(FiscalYear) || context.JsonTypeInfo.Type == typeof(FiscalYear?))
            {
                schema.Type = JsonSchemaType.String;
                schema.Pattern = "^[0-9]{4}-[0-9]{2}$";
                schema.Properties?.Clear();
            }

            return Task.CompletedTask;
        }));
        services.AddAntiforgery();
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxUploadBytes);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = MaxUploadBytes + (1024 * 1024));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DashboardService>();
        services.AddTransient<Application.Spend.ImportSpendFile>();
        services.AddTransient<Application.Waste.RunWasteAnalysis>();
        services.AddTransient<Application.Waste.ReviewWasteFinding>();
        services.AddSingleton<PendingUploads>();
        services.AddSingleton<UploadPreviews>();
        services.AddSingleton<JobQueue>();
        services.AddSingleton<Appraisals.MonteCarloRuns>();
        services.AddHostedService(sp => sp.GetRequiredService<JobQueue>());
        builder.AddTotalPlaceSecurity();
        return builder;
    }

    /// <summary>The middleware pipeline: problem details for errors, static files, sign-in and roles, antiforgery.</summary>
    public static WebApplication UseTotalPlaceWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseTotalPlaceSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // People in a browser get a page in words; the API and scripts keep problem-details JSON.
        app.UseWhen(
            context => WantsPage(context.Request),
            page =>
            {
                page.UseExceptionHandler("/Error");
                page.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
            });
        app.UseMiddleware<Security.BadInputGuard>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseTotalPlaceSecurity();
        app.UseAuditTrail();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>A browser asking for a page (HTML), not the API, OpenAPI, static files or a script.</summary>
    internal static bool WantsPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>Prints the address people should open once the server is listening.</summary>
    public static WebApplication AnnounceAddress(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            foreach (var address in addresses ?? [])
            {
                Console.WriteLine($"TotalPlace is running at {address}");
            }

            if (!TotalPlace.Reports.Pdf.ChromiumPdfRenderer.IsAvailable)
            {
                // One line, once: the Download PDF buttons answer with the same instruction until Chromium is installed.
                Console.WriteLine($"Download PDF is off: {TotalPlace.Reports.Pdf.ChromiumPdfRenderer.InstallHint}");
            }
        });
        return app;
    }
}
