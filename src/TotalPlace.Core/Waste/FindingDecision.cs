namespace TotalPlace.Core.Waste;

/// <summary>A reviewer's decision on a finding; kept by the store and applied on every later run.</summary>
/// <param name="FindingKey">The finding's <see cref="WasteFinding.Key"/>.</param>
/// <param name="State">Confirmed or false positive (or back to open).</param>
/// <param name="DecidedBy">Who decided.</param>
/// <param name="DecidedAt">When (from the caller's clock).</param>
/// <param name="Note">Why.</param>
public sealed record FindingDecision(string FindingKey, ReviewState State, string DecidedBy, DateTimeOffset DecidedAt, string? Note = null);
