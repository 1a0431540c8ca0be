namespace TotalPlace.Web.Security;

/// <summary>The <c>Auth</c> configuration section.</summary>
/// <remarks><c>Auth:Mode</c> is <c>Local</c> (default) or <c>Accounts</c>. In Accounts mode,
/// <c>Auth:BootstrapAdmin:Name</c> and <c>Auth:BootstrapAdmin:Password</c> create the first administrator when the
/// store has no account yet (the CLI's <c>totalplace users add</c> is the other way).</remarks>
public sealed class SecuritySettings
{
    public AuthMode Mode { get; init; } = AuthMode.Local;

    public string? BootstrapAdminName { get; init; }

    public string? BootstrapAdminPassword { get; init; }

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
        };
    }
}
