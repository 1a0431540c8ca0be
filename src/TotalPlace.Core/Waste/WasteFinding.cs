namespace TotalPlace.Core.Waste;

/// <summary>One entry of the ranked waste list: what, how much, why, and where its review stands.</summary>
/// <param name="Key">Stable across runs ("dup:…", "supplier:…", "overlap:…", "assets:…"): review decisions are keyed by it.</param>
/// <param name="Kind">What sort of finding.</param>
/// <param name="Title">One line a reader understands ("these 14 spellings are one supplier, paid £8.3m by 5 partners").</param>
/// <param name="MoneyAtStake">The money concerned: the duplicate amount, the combined spend, the overlap, or the estimated saving.</param>
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
    string? Note = null);
