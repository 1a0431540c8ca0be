namespace TotalPlace.Core.Waste;

/// <summary>One entry of the ranked waste list: what, how much, why, and where its review stands.</summary>
/// <param name="Key">Stable across runs ("dup:…", "supplier:…", "overlap:…", "assets:…"): review decisions are keyed by it.</param>
/// <param name="Kind">What sort of finding.</param>
/// <param name="Title">One line a reader understands ("these 14 spellings are one supplier, paid £8.3m by 5 partners").</param>
/// <param name="MoneyAtStake">What the finding could save: for a duplicate payment the amount paid twice; for a shared
/// supplier, a service bought twice or a co-location, the estimated saving (its assumption and the spend it applies
/// to are given apart).</param>
/// <param name="Explanation">The evidence in sentences.</param>
/// <param name="State">The review state (open unless a decision says otherwise).</param>
/// <param name="Note">The reviewer's note, if any.</param>
public sealed record WasteFinding(
    string Key,
    FindingKind Kind,
    string Title,
    decimal MoneyAtStake,
    IReadOnlyList<string> Explanation,
    ReviewState State = ReviewState.Open,
    string? Note = null)
{
    /// <summary>The spend the estimated saving applies to (a shared supplier's combined spend, a service's spend beyond
    /// its largest buyer); null for a duplicate, where the money at stake is itself the spend.</summary>
    public decimal? SpendConcerned { get; init; }

    /// <summary>How the money at stake was estimated, in words ("3% of the combined spend, the assumed saving of
    /// buying jointly"); null when it is counted, not estimated.</summary>
    public string? Assumption { get; init; }

    /// <summary>The strength of the evidence, 0 to 1, for findings that are scored (duplicate payments).</summary>
    public double? Score { get; init; }

    /// <summary>The partners the finding concerns.</summary>
    public IReadOnlyList<string> Partners { get; init; } = [];

    /// <summary>The published lines behind the finding (both payments of a duplicate); empty for aggregate findings.</summary>
    public IReadOnlyList<FindingLine> Lines { get; init; } = [];
}
