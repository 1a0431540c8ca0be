using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace TotalPlace.Web.Security;

/// <summary>Local mode: every request is the local administrator. Safe only because the app refuses to listen on
/// anything but loopback in this mode (<see cref="BindingGuard"/>).</summary>
internal sealed class LocalAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Local";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(TotalPlaceClaims.LocalAdministrator(SchemeName), SchemeName)));
}
