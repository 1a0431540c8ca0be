namespace TotalPlace.Web.Security;

/// <summary>The authorization policies every page and endpoint is given (see docs/security.md). Use them with
/// <c>RequireAuthorization(Policies.X)</c> on endpoints and <c>[Authorize(Policy = Policies.X)]</c> on pages.</summary>
/// <remarks>Anything with no policy of its own needs a signed-in user (the fallback policy); public readers are let
/// in with <c>AllowAnonymous</c> only where what they see is filtered by <see cref="Access.VisibilityOf"/>.</remarks>
public static class Policies
{
    /// <summary>Any signed-in user, whatever the role.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Imports, deletes and reclassifies: administrators, and agency analysts (who must also pass
    /// <see cref="Access.CanWrite"/> for the place and agency concerned).</summary>
    public const string Writer = "writer";

    /// <summary>Publishes and withdraws batches: administrators and the board.</summary>
    public const string Publisher = "publisher";

    /// <summary>Approves offers: administrators and the board.</summary>
    public const string Approver = "approver";

    /// <summary>Place-wide work that quotes every agency's lines, published or not: the waste analysis and its
    /// findings, offers. Administrators and the board, who see every agency's data; an agency analyst would learn
    /// other agencies' unpublished suppliers, amounts and references from it.</summary>
    public const string PlaceWide = "place-wide";

    /// <summary>Administrators only (accounts, place-wide changes such as reclassification).</summary>
    public const string Administrator = "administrator";
}
