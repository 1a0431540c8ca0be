using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.BearerToken;
using TotalPlace.Storage;
using TotalPlace.Storage.Identity;

namespace TotalPlace.Web.Security;

/// <summary>Checks a signed-in user (cookie or bearer token) against their account in the store on every request,
/// so that removing an account, changing its role, place or agency, changing its password, or removing and
/// re-creating it under the same name ends every session and token it had at once.</summary>
/// <remarks>The security stamp is a hash of the account's stored fields, password hash included; re-creating an
/// account hashes its password with a new random salt, so the stamp changes even when every other field is the
/// same. Nothing is cached: the lookup is one indexed row, and "at once" is what an administrator removing an
/// account expects.</remarks>
public static class AccountCheck
{
    /// <summary>The stamp a principal made from <paramref name="account"/> carries.</summary>
    public static string StampOf(UserAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var fields = string.Join('\u001f', account.UserName, account.PasswordHash, account.Role, account.PlaceCode, account.Agency);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fields)).AsSpan(0, 16));
    }

    /// <summary>Whether the principal still matches its account: it exists, and its stamp, role, place and agency
    /// are what they were when the principal was made.</summary>
    public static async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, IPlaceStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var name = principal.Identity?.Name;
        var account = name is null ? null : await store.Accounts.FindUserAsync(name, cancellationToken);
        return account is not null
            && string.Equals(principal.FindFirst(TotalPlaceClaims.Stamp)?.Value, StampOf(account), StringComparison.Ordinal)
            && principal.IsInRole(account.Role.ToString())
            && string.Equals(principal.FindFirst(TotalPlaceClaims.Place)?.Value, account.PlaceCode, StringComparison.Ordinal)
            && string.Equals(principal.FindFirst(TotalPlaceClaims.Agency)?.Value, account.Agency, StringComparison.Ordinal);
    }

    /// <summary>Pipeline step after authentication: a bearer token whose account no longer matches is treated as no
    /// token at all (the endpoint then answers 401). Cookies are checked by the cookie scheme itself.</summary>
    public static WebApplication UseAccountCheck(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            if (context.User.Identity is { IsAuthenticated: true, AuthenticationType: BearerTokenDefaults.AuthenticationScheme }
                && !await IsCurrentAsync(context.User, context.RequestServices.GetRequiredService<IPlaceStore>(), context.RequestAborted))
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }

            await next(context);
        });
        return app;
    }
}
