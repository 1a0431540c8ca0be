using System.Text.Json.Nodes;

namespace TotalPlace.Storage.Audit;

/// <summary>One audit entry to write: what a store operation did. The store adds the time and the actor.</summary>
/// <param name="Action">One of <see cref="AuditActions"/>.</param>
/// <param name="SubjectKind">One of <see cref="AuditSubjects"/>.</param>
/// <param name="SubjectId">The subject's id within its kind and place (a batch id, an offer id, a finding key…).</param>
/// <param name="PlaceCode">The place's GSS code; empty for store-wide subjects (themes, users).</param>
/// <param name="Agency">The agency the change concerns, when there is one (empty otherwise).</param>
/// <param name="Summary">One sentence a person reads in the list.</param>
/// <param name="Details">What changed, as JSON: before and after for edits, counts and totals for imports.</param>
/// <param name="NamedActor">The person the operation itself names (a batch header's ImportedBy), used when no ambient
/// <see cref="AuditActor"/> is set.</param>
public sealed record AuditRecord(
    string Action,
    string SubjectKind,
    string SubjectId,
    string PlaceCode,
    string Agency,
    string Summary,
    JsonObject? Details = null,
    string? NamedActor = null);
