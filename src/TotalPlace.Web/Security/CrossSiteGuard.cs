using Microsoft.AspNetCore.Hosting.Server;

namespace TotalPlace.Web.Security;

/// <summary>Refuses a state-changing API call sent by a browser from another site. API writes carry no antiforgery
/// token, and in Local mode (or with a sign-in cookie) the browser would otherwise be credentials enough, so a page
/// elsewhere could post to a loopback server. Browsers send <c>Origin</c> on every cross-origin POST and
/// <c>Sec-Fetch-Site</c> on every request; a bearer token is never sent by a browser on its own, so calls that
/// carry one are let through.</summary>
/// <remarks>The <c>Origin</c> is compared with origins the app knows, never with the request's own <c>Host</c>,
/// which the attacker's page controls under DNS rebinding: in Local mode the loopback names on the ports the server
/// listens on; in Accounts mode the configured <c>Auth:Origins</c> and the listening addresses, or the request's
/// host when no origin is configured (a rebinding page has no sign-in cookie for this host, so it would be the
/// public reader, who can change nothing).</remarks>
internal sealed class CrossSiteGuard(RequestDelegate next, IServer server, SecuritySettings settings)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        var crossSite = fetchSite is "cross-site" or "same-site" || (origin.Length > 0 && !IsKnownOrigin(origin, request));
        if (!crossSite)
        {
            return next(context);
        }

        return Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Cross-site request refused",
            detail: "A page from another site may not change data here; call the API with a bearer token, or use the app's own pages.").ExecuteAsync(context);
    }

    private bool IsKnownOrigin(string origin, HttpRequest request)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var from))
        {
            return false;
        }

        var normalised = from.GetLeftPart(UriPartial.Authority);
        if (settings.Mode == AuthMode.Local)
        {
            return LoopbackHostGuard.LoopbackOrigins(server).Any(o => SameOrigin(o, normalised));
        }

        if (settings.Origins.Count > 0)
        {
            return settings.Origins.Any(o => SameOrigin(o, normalised))
                || LoopbackHostGuard.Addresses(server).Any(o => SameOrigin(o, normalised));
        }

        return string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private static bool SameOrigin(string known, string origin) =>
        Uri.TryCreate(known, UriKind.Absolute, out var uri)
        && string.Equals(uri.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase);
}
