using System.Security.Claims;
using TotalPlace.Application.Counting;
using TotalPlace.Storage.Identity;

namespace TotalPlace.Web.Security;

/// <summary>What a user may see and change, from their claims; every page and endpoint asks here.</summary>
public static class Access
{
    /// <summary>The user's role, or null for the public (not signed in).</summary>
    public static UserRole? RoleOf(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        foreach (var role in Enum.GetValues<UserRole>())
        {
            if (user.IsInRole(role.ToString()))
            {
                return role;
            }
        }

        return null;
    }

    /// <summary>The data the user may read, by the application's one rule (<see cref="ReaderVisibility.For"/>): all
    /// for administrators and the board; published plus their own agency's for an agency analyst; published only for
    /// the public. This reads the role, place and agency from the sign-in and decides nothing itself.</summary>
    public static Visibility VisibilityOf(this ClaimsPrincipal user) =>
        ReaderVisibility.For(user.RoleOf(), user.FindFirst(TotalPlaceClaims.Place)?.Value, user.FindFirst(TotalPlaceClaims.Agency)?.Value);

    /// <summary>Whether the user may import, delete or reclassify data of <paramref name="agency"/> in
    /// <paramref name="placeCode"/>: administrators anywhere, an agency analyst only in their own place and agency.</summary>
    public static bool CanWrite(this ClaimsPrincipal user, string placeCode, string? agency) => user.RoleOf() switch
    {
        UserRole.Administrator => true,
        UserRole.AgencyAnalyst => user.VisibilityOf().SeesAgency(placeCode, agency),
        _ => false,
    };

    /// <summary>Whether the user may publish or withdraw batches.</summary>
    public static bool CanPublish(this ClaimsPrincipal user) => user.RoleOf() is UserRole.Administrator or UserRole.Board;

    /// <summary>How the header names the user: "local administrator", "ann (agency analyst, Devon County Council)"…</summary>
    public static string Describe(this ClaimsPrincipal user) => user.RoleOf() switch
    {
        null => "public reader",
        UserRole.AgencyAnalyst => $"{user.Identity!.Name} (agency analyst, {user.FindFirst(TotalPlaceClaims.Agency)?.Value})",
        UserRole.Board => $"{user.Identity!.Name} (board)",
        _ when string.Equals(user.Identity!.Name, TotalPlaceClaims.LocalAdministratorName, StringComparison.Ordinal) => TotalPlaceClaims.LocalAdministratorName,
        _ => $"{user.Identity!.Name} (administrator)",
    };
}
