using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TotalPlace.Web.Security;

/// <summary>Local mode: answers only requests addressed to this machine by a loopback name and the port it listens
/// on. A DNS-rebinding page (evil.example resolving to 127.0.0.1) reaches the port but sends
/// <c>Host: evil.example</c>; without this check it would be the local administrator.</summary>
internal sealed class LoopbackHostGuard(RequestDelegate next, IServer server)
{
    private static readonly string[] s_loopbackNames = ["127.0.0.1", "localhost", "[::1]"];

    public Task InvokeAsync(HttpContext context)
    {
        if (IsAllowed(context.Request.Host, BoundPorts()))
        {
            return next(context);
        }

        return Results.Problem(
            statusCode: StatusCodes.Status421MisdirectedRequest,
            title: "Not a loopback address",
            detail: "In Local mode TotalPlace answers only requests to 127.0.0.1, localhost or [::1] on the port it listens on.")
            .ExecuteAsync(context);
    }

    /// <summary>Whether a Host header names this machine by a loopback name and, when the listening ports are
    /// known, one of them.</summary>
    internal static bool IsAllowed(HostString host, IReadOnlyCollection<int> boundPorts)
    {
        if (!host.HasValue || !s_loopbackNames.Contains(host.Host, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        return boundPorts.Count == 0 || (host.Port is { } port ? boundPorts.Contains(port) : boundPorts.Contains(80) || boundPorts.Contains(443));
    }

    /// <summary>The origins a browser on this machine uses for the app: every loopback name with every bound port.</summary>
    internal static IEnumerable<string> LoopbackOrigins(IServer server) =>
        from address in Addresses(server)
        let uri = ParseAddress(address)
        where uri is not null
        from name in s_loopbackNames
        select $"{uri.Scheme}://{name}:{uri.Port}";

    private IReadOnlyCollection<int> BoundPorts() =>
        [.. Addresses(server).Select(ParseAddress).OfType<Uri>().Select(u => u.Port)];

    internal static IEnumerable<string> Addresses(IServer server) =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];

    // Kestrel reports wildcards as http://[::]:5080 or http://*:5080, which Uri cannot parse as a host.
    private static Uri? ParseAddress(string address) =>
        Uri.TryCreate(address.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri : null;
}
