namespace TotalPlace.Storage.Identity;

/// <summary>A person who can sign in to the web app in Accounts mode.</summary>
/// <param name="UserName">The name signed in with, as first written; compared case-insensitively.</param>
/// <param name="PasswordHash">ASP.NET Core Identity's password hash (see <see cref="UserPasswords"/>); never the password.</param>
/// <param name="PlaceCode">The place of an <see cref="UserRole.AgencyAnalyst"/>; null for other roles.</param>
/// <param name="Agency">The agency of an <see cref="UserRole.AgencyAnalyst"/>; null for other roles.</param>
public sealed record UserAccount(string UserName, string PasswordHash, UserRole Role, string? PlaceCode = null, string? Agency = null)
{
    /// <summary>Checks the rules an account must keep: a name, a hash, and a place and agency exactly when the
    /// account is an agency analyst's.</summary>
    /// <exception cref="ArgumentException">A rule is broken; the message states it.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(UserName) || UserName.Trim().Length > 100)
        {
            throw new ArgumentException("A user name is 1 to 100 characters.", nameof(UserName));
        }

        if (string.IsNullOrWhiteSpace(PasswordHash))
        {
            throw new ArgumentException("An account needs a password hash; hash the password with UserPasswords.Hash.", nameof(PasswordHash));
        }

        if (!Enum.IsDefined(Role))
        {
            throw new ArgumentException($"'{Role}' is not a role; use Administrator, AgencyAnalyst or Board.", nameof(Role));
        }

        var bound = !string.IsNullOrWhiteSpace(PlaceCode) && !string.IsNullOrWhiteSpace(Agency);
        if (Role == UserRole.AgencyAnalyst && !bound)
        {
            throw new ArgumentException("An agency analyst is bound to one place and agency; give both.", nameof(PlaceCode));
        }

        if (Role != UserRole.AgencyAnalyst && (PlaceCode is not null || Agency is not null))
        {
            throw new ArgumentException($"Only an agency analyst has a place and agency; a {Role} reads the whole partnership.", nameof(PlaceCode));
        }

        if (bound && !Core.Places.Place.IsGssCode(PlaceCode!.Trim().ToUpperInvariant()))
        {
            throw new ArgumentException($"'{PlaceCode}' is not an ONS GSS code (a capital letter and eight digits).", nameof(PlaceCode));
        }
    }
}
