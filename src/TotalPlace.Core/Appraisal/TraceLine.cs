namespace TotalPlace.Core.Appraisal;

/// <summary>
/// How one figure of an appraisal was produced: the line of the proposal, the unit cost (code, edition, source),
/// the rule with its numbers, and the result in the year.
/// </summary>
public sealed record TraceLine
{
    /// <summary>The year index.</summary>
    public required int T { get; init; }

    /// <summary>The financial year.</summary>
    public required FiscalYear FiscalYear { get; init; }

    /// <summary>"cost", "fiscal", "economic" or "social".</summary>
    public required string Kind { get; init; }

    /// <summary>The proposal line, as a JSON path (e.g. <c>outcomes[0].values[1]</c>).</summary>
    public required string Line { get; init; }

    /// <summary>A readable label.</summary>
    public required string Label { get; init; }

    /// <summary>The paying or benefiting agency.</summary>
    public required string Agency { get; init; }

    /// <summary>True for a fiscal transfer (excluded from public value).</summary>
    public bool Transfer { get; init; }

    /// <summary>Unit cost code, or "local", or "input" for a cost line.</summary>
    public required string Reference { get; init; }

    /// <summary>Database edition of the reference ("UCD v1.4"), "local" or "".</summary>
    public required string Edition { get; init; }

    /// <summary>The evidence cited.</summary>
    public required string Source { get; init; }

    /// <summary>The rule with its numbers, e.g. "O_t × v_b × (1 − ob) = 30.24 × 9,724.61 × (1 − 0.15)".</summary>
    public required string Rule { get; init; }

    /// <summary>The amount in the year at price-base prices.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The year's discount factor.</summary>
    public required decimal DiscountFactor { get; init; }

    /// <summary><see cref="Amount"/> × <see cref="DiscountFactor"/>.</summary>
    public decimal PresentValue => Amount * DiscountFactor;
}
