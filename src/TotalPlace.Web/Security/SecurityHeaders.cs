namespace TotalPlace.Web.Security;

/// <summary>Adds the browser-side defences to every response, static files and error pages included, so a page
/// cannot be framed, sniffed into script, or made to run script that did not come from this app.</summary>
/// <remarks>Scripts come only from the app's own files (<c>script-src 'self'</c>; the pages have no inline script or
/// event handler). Styles allow <c>'unsafe-inline'</c> because ECharts writes its tooltips and SVG with inline
/// <c>style</c> attributes; with script locked down, an injected style can change how a page looks but not run
/// anything or send data elsewhere (<c>connect-src</c>, <c>img-src</c> and <c>form-action</c> stay on this
/// origin).</remarks>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
