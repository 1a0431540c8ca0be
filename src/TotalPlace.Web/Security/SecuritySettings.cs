namespace TotalPlace.Web.Security;

/// <summary>The <c>Auth</c> configuration section.</summary>
/// <remarks><c>Auth:Mode</c> is <c>Local</c> (default) or <c>Accounts</c>. In Accounts mode,
/// <c>Auth:BootstrapAdmin:Name</c> and <c>Auth:BootstrapAdmin:Password</c> create the first administrator when the
/// store has no account yet (the CLI's <c>totalplace users add</c> is the other way). <c>Auth:Origins</c> lists the
/// addresses people open the app at behind a proxy (e.g. <c>https://totalplace.example.org</c>), separated by
/// semicolons; <c>Auth:KnownProxies</c> lists the proxies' IP addresses whose <c>X-Forwarded-Proto</c> and
/// <c>X-Forwarded-For</c> are believed.</remarks>
public sealed class SecuritySettings
{
    public AuthMode Mode { get; init; } = AuthMode.Local;

    public string? BootstrapAdminName { get; init; }

    public string? BootstrapAdminPassword { get; init; }

    /// <summary>The origins a browser may send writes from, besides the addresses the server listens on.</summary>
    public IReadOnlyList<string> Origins { get; init; } = [];

    /// <summary>Password checks allowed per client address per minute (<c>Auth:SignInAttemptsPerMinute</c>).</summary>
    public int SignInAttemptsPerMinute { get; init; } = 30;

    /// <summary>The reverse proxies whose forwarded headers are trusted.</summary>
    public IReadOnlyList<string> KnownProxies { get; init; } = [];

    /// <exception cref="InvalidOperationException"><c>Auth:Mode</c> is neither Local nor Accounts.</exception>
    public static SecuritySettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var mode = configuration["Auth:Mode"];
        AuthMode parsed = AuthMode.Local;
        if (!string.IsNullOrWhiteSpace(mode) && (!Enum.TryParse(mode.Trim(), ignoreCase: true, out parsed) || !Enum.IsDefined(parsed)))
        {
            throw new InvalidOperationException($"Auth:Mode is '{mode}'; it must be Local (one person on this machine) or Accounts (people sign in).");
        }

        return new SecuritySettings
        {
            Mode = parsed,
            BootstrapAdminName = configuration["Auth:BootstrapAdmin:Name"],
            BootstrapAdminPassword = configuration["Auth:BootstrapAdmin:Password"],
            Origins = List(configuration["Auth:Origins"]),
            KnownProxies = List(configuration["Auth:KnownProxies"]),
            SignInAttemptsPerMinute = configuration.GetValue("Auth:SignInAttemptsPerMinute", 30),
        };
    }

    private static string[] List(string? value) =>
        (value ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
