namespace TotalPlace.Web.Security;

/// <summary>Refuses a state-changing API call sent by a browser from another site. API writes carry no antiforgery
/// token, and in Local mode (or with a sign-in cookie) the browser would otherwise be credentials enough, so a page
/// elsewhere could post to a loopback server. Browsers send <c>Origin</c> on every cross-origin POST and
/// <c>Sec-Fetch-Site</c> on every request; a bearer token is never sent by a browser on its own, so calls that
/// carry one are let through.</summary>
internal sealed class CrossSiteGuard(RequestDelegate next)
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
        var crossSite = fetchSite is "cross-site" or "same-site"
            || (origin.Length > 0 && (!Uri.TryCreate(origin, UriKind.Absolute, out var from)
                || !string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)));
        if (!crossSite)
        {
            return next(context);
        }

        return Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Cross-site request refused",
            detail: "A page from another site may not change data here; call the API with a bearer token, or use the app's own pages.").ExecuteAsync(context);
    }
}
