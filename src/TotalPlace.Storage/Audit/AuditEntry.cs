namespace TotalPlace.Storage.Audit;

/// <summary>One entry of the audit trail as stored.</summary>
/// <param name="Id">Increasing with time within a store.</param>
/// <param name="At">When the change was committed (the store's clock, UTC).</param>
/// <param name="Actor">Who made it (see <see cref="AuditActor"/>).</param>
/// <param name="Action">One of <see cref="AuditActions"/>.</param>
/// <param name="SubjectKind">One of <see cref="AuditSubjects"/>.</param>
/// <param name="SubjectId">The subject's id.</param>
/// <param name="PlaceCode">The place's GSS code; empty for store-wide subjects.</param>
/// <param name="Agency">The agency concerned, or empty.</param>
/// <param name="Summary">One readable sentence.</param>
/// <param name="Details">What changed, as a JSON object (text).</param>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    string Actor,
    string Action,
    string SubjectKind,
    string SubjectId,
    string PlaceCode,
    string Agency,
    string Summary,
    string Details)
{
    /// <summary>The hash of the entry before it in the chain (<see cref="AuditChain.Genesis"/> for the first), or null
    /// for an entry written without one (outside TotalPlace).</summary>
    public string? PreviousHash { get; init; }

    /// <summary>SHA-256 of the entry's canonical form (<see cref="AuditChain"/>), lower-case hex; null when absent.</summary>
    public string? Hash { get; init; }
}
