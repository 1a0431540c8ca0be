using TotalPlace.Core.Appraisal.Uncertainty;

namespace TotalPlace.Core.Appraisal;

/// <summary>
/// The inputs of a cost-benefit appraisal of a local proposal: cohorts, engagement, costs and outcomes over a horizon,
/// in a price base, under a discount schedule (see docs/cba-method.md and docs/proposal.schema.json).
/// </summary>
public sealed record Proposal
{
    /// <summary>The proposal's name.</summary>
    public required string Name { get; init; }

    /// <summary>The financial year whose prices every figure is restated in.</summary>
    public required FiscalYear PriceBase { get; init; }

    /// <summary>The financial year of t = 0.</summary>
    public required FiscalYear StartYear { get; init; }

    /// <summary>The number of years appraised, t = 0 … N−1.</summary>
    public required int HorizonYears { get; init; }

    /// <summary>The discount schedule.</summary>
    public DiscountKind Discount { get; init; } = DiscountKind.Standard;

    /// <summary>Intakes by year.</summary>
    public IReadOnlyList<Cohort> Cohorts { get; init; } = [];

    /// <summary>The share of referrals who engage, 0–1.</summary>
    public decimal Engagement { get; init; } = 1m;

    /// <summary>The costs.</summary>
    public IReadOnlyList<CostLine> Costs { get; init; } = [];

    /// <summary>The outcomes.</summary>
    public IReadOnlyList<Outcome> Outcomes { get; init; } = [];

    /// <summary>Local unit costs declared with the proposal, referred to by code from value lines.</summary>
    public IReadOnlyList<LocalUnitCost> LocalUnitCosts { get; init; } = [];

    /// <summary>Distributions on inputs, for Monte Carlo and the tornado.</summary>
    public IReadOnlyList<UncertainInput> Uncertainty { get; init; } = [];
}
