namespace TotalPlace.Storage.Audit;

/// <summary>The audit trail of a store: append-only, written by the store in the same transaction as each change it
/// records, so a change and its entry are committed or rolled back together.</summary>
/// <remarks>Get it with <see cref="IPlaceStore.Audit"/>. Store operations write their own entries; <see cref="RecordAsync"/>
/// is for changes made outside the store's own write paths (e.g. user accounts kept elsewhere).</remarks>
public interface IAuditLog
{
    /// <summary>Lists entries, newest first, filtered and paged.</summary>
    /// <exception cref="ArgumentException">A page number below 1, a page size outside 1 to
    /// <see cref="AuditQuery.MaxPageSize"/>, a place that is not a GSS code, or Since after Until.</exception>
    Task<Page<AuditEntry>> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Writes one entry in its own transaction (the actor is resolved as for store operations).</summary>
    Task<AuditEntry> RecordAsync(AuditRecord record, CancellationToken cancellationToken = default);

    /// <summary>The distinct actors in the trail (for filter lists), in order.</summary>
    Task<IReadOnlyList<string>> ListActorsAsync(CancellationToken cancellationToken = default);

    /// <summary>Recomputes the hash chain over every entry in id order (<see cref="AuditChain"/>) and reports the first
    /// entry that was changed, deleted around, inserted or written without a hash.</summary>
    /// <param name="expectHead">When given, the hash the last entry must have: a head kept outside the store catches a
    /// chain rewritten from the tampered point to the end, and entries removed from the end.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    Task<AuditVerification> VerifyAuditChainAsync(string? expectHead = null, CancellationToken cancellationToken = default);
}
