using TotalPlace.Storage.Identity;

namespace TotalPlace.Application.Counting;

/// <summary>Who may count what: the one rule that turns a reader into the <see cref="Visibility"/> every map,
/// dashboard, drill-down and supplier list is filtered by. The web app reads the reader's role, place and agency from
/// the sign-in; the CLI's user is <see cref="LocalUser"/>.</summary>
public static class ReaderVisibility
{
    /// <summary>The person at the command line: they hold the store itself (a DuckDB file, or a server connection
    /// string with its password), so nothing in it is hidden from them.</summary>
    public static Visibility LocalUser => Visibility.All;

    /// <summary>Everything for administrators and the board; published lines plus everything of their own agency in
    /// their own place for an agency analyst (published only when the account names no place or agency); published
    /// lines only for the public (<paramref name="role"/> null).</summary>
    public static Visibility For(UserRole? role, string? placeCode, string? agency) => role switch
    {
        UserRole.Administrator or UserRole.Board => Visibility.All,
        UserRole.AgencyAnalyst when !string.IsNullOrWhiteSpace(placeCode) && !string.IsNullOrWhiteSpace(agency) =>
            Visibility.PublishedOrAgency(placeCode, agency),
        _ => Visibility.PublishedOnly,
    };
}
