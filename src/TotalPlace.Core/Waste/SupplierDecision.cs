namespace TotalPlace.Core.Waste;

/// <summary>A reviewer's merge or split of two published supplier names; decisions win over the algorithm.</summary>
/// <param name="Kind">Merge or split.</param>
/// <param name="NameA">A published name (compared ignoring case and surrounding spaces; every partner's entry with it).</param>
/// <param name="NameB">The other published name.</param>
/// <param name="Note">The reviewer's reason, kept with the decision.</param>
public sealed record SupplierDecision(SupplierDecisionKind Kind, string NameA, string NameB, string? Note = null);
