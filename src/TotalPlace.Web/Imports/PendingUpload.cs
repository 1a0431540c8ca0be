using TotalPlace.Core.Places;

namespace TotalPlace.Web.Imports;

/// <summary>An uploaded file waiting for the user to review its mapping and commit or cancel. Nothing is in the store yet.</summary>
/// <param name="Id">A random 128-bit id (32 hex digits): the only handle a browser gets; never a path.</param>
/// <param name="FileName">The file's name as uploaded, with any folder part removed; shown and kept as provenance only.</param>
/// <param name="MappingJson">The user's edited column mapping, serialized; null until they change the inferred one.</param>
/// <param name="Owner">The user name of who uploaded it: only they (or an administrator) may review, commit or cancel it.</param>
/// <param name="Period">The period the file covers as the user gave it ("2011-01" or "2023-24"), for files without
/// dates (one total per supplier); null when not given.</param>
public sealed record PendingUpload(
    string Id,
    string FileName,
    string PlaceCode,
    string Agency,
    AgencyKind AgencyKind,
    UploadKind Kind,
    long Length,
    DateTimeOffset UploadedAt,
    string? MappingJson = null,
    string? Owner = null,
    string? Period = null)
{
    /// <summary>Whether <paramref name="user"/> uploaded this file, or is an administrator.</summary>
    public bool IsOwnedBy(System.Security.Claims.ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(nameof(Storage.Identity.UserRole.Administrator))
            || (Owner is not null && string.Equals(Owner, user.Identity?.Name, StringComparison.Ordinal));
    }
}
