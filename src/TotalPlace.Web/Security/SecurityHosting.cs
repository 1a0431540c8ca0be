using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TotalPlace.Storage;
using TotalPlace.Storage.Identity;
using TotalPlace.Web.Hosting;

namespace TotalPlace.Web.Security;

/// <summary>Sign-in and roles: the schemes, the policies, the page conventions and the pipeline steps.</summary>
public static partial class SecurityHosting
{
    /// <summary>Chooses a sign-in scheme per request in Accounts mode: a bearer token when the request carries one
    /// (API clients), otherwise the sign-in cookie (the pages, and the API called from them).</summary>
    public const string AccountsScheme = "Accounts";

    /// <summary>Registers authentication and authorization for the configured <see cref="AuthMode"/>.</summary>
    /// <exception cref="InvalidOperationException">Local mode with a configured address that is not loopback.</exception>
    public static WebApplicationBuilder AddTotalPlaceSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = SecuritySettings.From(builder.Configuration);
        if (settings.Mode == AuthMode.Local && BindingGuard.NonLoopbackAddresses(builder.Configuration) is [var first, ..])
        {
            throw new StartupRefusedException(BindingGuard.Refusal(first));
        }

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton<SignInLockout>();
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>, CookieSessionStoreSetup>();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Only the proxies named here (loopback by default) are believed about the client's scheme and address,
            // so the sign-in cookie is marked Secure when the proxy in front terminates TLS.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in settings.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInAttempt(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("other"));
        });
        var authentication = services.AddAuthentication(settings.Mode == AuthMode.Local ? LocalAuthenticationHandler.SchemeName : AccountsScheme);
        if (settings.Mode == AuthMode.Local)
        {
            authentication.AddScheme<AuthenticationSchemeOptions, LocalAuthenticationHandler>(LocalAuthenticationHandler.SchemeName, null);
        }

        // The account schemes exist in both modes so that the sign-in page and token endpoint can say why they are
        // of no use in Local mode rather than fail.
        authentication
            .AddPolicyScheme(AccountsScheme, "Bearer token or sign-in cookie", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddBearerToken(o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddCookie(o =>
            {
                o.Cookie.Name = "TotalPlace.SignIn";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = "/Account/SignIn";
                o.LogoutPath = "/Account/SignOut";
                o.AccessDeniedPath = "/Account/Denied";
                o.Events.OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = ValidateAgainstStoreAsync;
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Writer, p => p.RequireRole(nameof(UserRole.Administrator), nameof(UserRole.AgencyAnalyst)))
            .AddPolicy(Policies.Publisher, p => p.RequireRole(nameof(UserRole.Administrator), nameof(UserRole.Board)))
            .AddPolicy(Policies.PlaceWide, p => p.RequireRole(nameof(UserRole.Administrator), nameof(UserRole.Board)))
            .AddPolicy(Policies.Approver, p => p.RequireRole(nameof(UserRole.Administrator), nameof(UserRole.Board)))
            .AddPolicy(Policies.Administrator, p => p.RequireRole(nameof(UserRole.Administrator)));

        // Pages whose content is filtered by what the reader may see are open to the public; the rest need a
        // signed-in user (the fallback policy) or a role.
        services.Configure<RazorPagesOptions>(o =>
        {
            foreach (var page in new[] { "/Index", "/Transactions", "/Compare", "/Batches/Index", "/Batches/Detail", "/Error" })
            {
                o.Conventions.AllowAnonymousToPage(page);
            }

            o.Conventions.AllowAnonymousToFolder("/Account");
            o.Conventions.AuthorizeFolder("/Import", Policies.Writer);
            o.Conventions.AuthorizeFolder("/Waste", Policies.PlaceWide);
            o.Conventions.AuthorizeFolder("/Offers", Policies.PlaceWide);
            // Rules re-classify every agency's lines, and a preview totals lines the reader may not see: place-wide changes.
            o.Conventions.AuthorizeFolder("/Rules", Policies.Administrator);
            // A place package writes every partner's lines and statements for a place at once: administrators only.
            o.Conventions.AuthorizeFolder("/Places", Policies.Administrator);
        });
        services.AddHostedService<BootstrapAdministrator>();
        return builder;
    }

    /// <summary>The first pipeline steps, before anything can answer: security headers on every response, and in
    /// Local mode the refusal of requests not addressed to a loopback name.</summary>
    public static WebApplication UseTotalPlaceSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeaders>();
        app.UseForwardedHeaders();
        if (app.Services.GetRequiredService<SecuritySettings>().Mode == AuthMode.Local)
        {
            app.UseMiddleware<LoopbackHostGuard>();
        }

        return app;
    }

    /// <summary>A request that checks a password: the token endpoint and the sign-in form.</summary>
    private static bool IsSignInAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.StartsWithSegments("/api/account/token", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/Account/SignIn", StringComparison.OrdinalIgnoreCase));

    /// <summary>The pipeline steps, after routing: refuse cross-site API writes, then authenticate and authorize.</summary>
    public static WebApplication UseTotalPlaceSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.Services.GetRequiredService<SecuritySettings>();
        app.UseMiddleware<CrossSiteGuard>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAccountCheck();
        app.UseAuthorization();
        if (settings.Mode == AuthMode.Local)
        {
            // Addresses set in code (e.g. Kestrel's ListenAnyIP) are seen only once the server listens.
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
                if (addresses.FirstOrDefault(a => !BindingGuard.IsLoopback(a)) is { } exposed)
                {
                    LogRefused(app.Logger, BindingGuard.Refusal(exposed));
                    Environment.ExitCode = 1;
                    app.Lifetime.StopApplication();
                }
            });
        }

        app.MapAccountApi();
        return app;
    }

    private static Task ApiStatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            // The status-code middleware turns the empty answer into problem details.
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Signs out a cookie whose account was removed, re-created, or whose password, role, place or agency
    /// changed since sign-in.</summary>
    private static async Task ValidateAgainstStoreAsync(CookieValidatePrincipalContext context)
    {
        var store = context.HttpContext.RequestServices.GetRequiredService<IPlaceStore>();
        if (context.Principal is null || !await AccountCheck.IsCurrentAsync(context.Principal, store, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Message}")]
    private static partial void LogRefused(ILogger logger, string message);
}
