using TotalPlace.Core.Places;

namespace TotalPlace.Web.Imports;

/// <summary>An uploaded file waiting for the user to review its mapping and commit or cancel. Nothing is in the store yet.</summary>
/// <param name="Id">A random 128-bit id (32 hex digits): the only handle a browser gets; never a path.</param>
/// <param name="FileName">The file's name as uploaded, with any folder part removed; shown and kept as provenance only.</param>
/// <param name="MappingJson">The user's edited column mapping, serialized; null until they change the inferred one.</param>
public sealed record PendingUpload(
    string Id,
    string FileName,
    string PlaceCode,
    string Agency,
    AgencyKind AgencyKind,
    UploadKind Kind,
    long Length,
    DateTimeOffset UploadedAt,
    string? MappingJson = null);
