namespace TotalPlace.Storage.Audit;

/// <summary>Which audit entries to list, newest first; every filter is optional and they combine with AND.</summary>
/// <param name="PlaceCode">Only this place's entries (a GSS code).</param>
/// <param name="Actor">Only this actor's entries (exact, case-insensitive).</param>
/// <param name="Action">Only this action (one of <see cref="AuditActions"/>).</param>
/// <param name="SubjectKind">Only entries about this kind of subject.</param>
/// <param name="SubjectId">Only entries about this subject (with <paramref name="SubjectKind"/>).</param>
/// <param name="Since">Entries at or after this instant.</param>
/// <param name="Until">Entries before this instant.</param>
/// <param name="PageNumber">1-based.</param>
/// <param name="PageSize">Entries per page, 1 to <see cref="MaxPageSize"/>.</param>
public sealed record AuditQuery(
    string? PlaceCode = null,
    string? Actor = null,
    string? Action = null,
    string? SubjectKind = null,
    string? SubjectId = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    int PageNumber = 1,
    int PageSize = 50)
{
    /// <summary>The largest page: an export asks for every page in turn rather than one huge one.</summary>
    public const int MaxPageSize = 10_000;
}
