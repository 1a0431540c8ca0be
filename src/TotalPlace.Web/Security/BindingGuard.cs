using System.Net;

namespace TotalPlace.Web.Security;

/// <summary>Refuses Local mode on a network address: with no sign-in, anyone who can reach the port would be the
/// administrator.</summary>
public static class BindingGuard
{
    /// <summary>The message the app stops with.</summary>
    public static string Refusal(string address) =>
        $"TotalPlace will not start: Auth:Mode is Local (everyone is the administrator, no sign-in) but it would listen on {address}, which is not loopback. " +
        "Listen on 127.0.0.1 (the default), or set Auth:Mode=Accounts and create an administrator (see docs/security.md).";

    /// <summary>Whether a listening address (e.g. http://127.0.0.1:5080, http://localhost:5080, http://[::1]:0) can
    /// only be reached from this machine. Wildcards (*, +, 0.0.0.0, [::]) and host names other than localhost cannot
    /// be shown to be loopback, so they are not.</summary>
    public static bool IsLoopback(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var text = address.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        var host = scheme >= 0 ? text[(scheme + 3)..] : text;
        var slash = host.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            host = host[..slash];
        }

        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            host = close > 0 ? host[1..close] : host;
        }
        else if (host.LastIndexOf(':') is var colon and > 0)
        {
            host = host[..colon];
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }

    /// <summary>The configured addresses that are not loopback: <c>urls</c> (also set by --urls and ASPNETCORE_URLS),
    /// <c>http_ports</c>/<c>https_ports</c> (which listen on every interface) and Kestrel endpoints.</summary>
    public static IReadOnlyList<string> NonLoopbackAddresses(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var addresses = new List<string>();
        foreach (var url in (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            addresses.Add(url);
        }

        foreach (var key in new[] { "http_ports", "https_ports" })
        {
            foreach (var port in (configuration[key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                addresses.Add($"*:{port}");
            }
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { } url)
            {
                addresses.Add(url);
            }
        }

        return [.. addresses.Where(a => !IsLoopback(a))];
    }
}
