using System.Security.Claims;
using TotalPlace.Storage.Identity;

namespace TotalPlace.Web.Security;

/// <summary>The claims a TotalPlace user carries: name, role, and an agency analyst's place and agency.</summary>
public static class TotalPlaceClaims
{
    /// <summary>An agency analyst's place (GSS code).</summary>
    public const string Place = "totalplace:place";

    /// <summary>An agency analyst's agency (by name).</summary>
    public const string Agency = "totalplace:agency";

    /// <summary>The account's security stamp when the principal was made (<see cref="AccountCheck.StampOf"/>).</summary>
    public const string Stamp = "totalplace:stamp";

    /// <summary>The name every request has in Local mode, and so on the audit trail and in batches' provenance.</summary>
    public const string LocalAdministratorName = "local administrator";

    /// <summary>The signed-in user made from a stored account.</summary>
    public static ClaimsPrincipal For(UserAccount account, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(account);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, account.UserName),
            new(ClaimTypes.Role, account.Role.ToString()),
            new(Stamp, AccountCheck.StampOf(account)),
        };
        if (account.PlaceCode is not null && account.Agency is not null)
        {
            claims.Add(new Claim(Place, account.PlaceCode));
            claims.Add(new Claim(Agency, account.Agency));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The one user of Local mode.</summary>
    public static ClaimsPrincipal LocalAdministrator(string authenticationType) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, LocalAdministratorName), new Claim(ClaimTypes.Role, nameof(UserRole.Administrator))],
            authenticationType,
            ClaimTypes.Name,
            ClaimTypes.Role));
}
