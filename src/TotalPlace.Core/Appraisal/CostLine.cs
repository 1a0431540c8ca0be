namespace TotalPlace.Core.Appraisal;

/// <summary>A cost of delivering a proposal, paid by one agency.</summary>
public sealed record CostLine
{
    /// <summary>The paying agency.</summary>
    public required string Agency { get; init; }

    /// <summary>Capital, revenue or in-kind.</summary>
    public CostKind Kind { get; init; } = CostKind.Revenue;

    /// <summary>The amount in pounds at <see cref="PriceYear"/> prices (per unit for per-referral or per-engaged costs).</summary>
    public required decimal Amount { get; init; }

    /// <summary>How the amount scales.</summary>
    public CostBasis Per { get; init; } = CostBasis.Fixed;

    /// <summary>The year index t; required for fixed costs; for per-unit costs, null means every cohort's intake year.</summary>
    public int? Year { get; init; }

    /// <summary>The prices the amount is in; null means the proposal's price base.</summary>
    public FiscalYear? PriceYear { get; init; }

    /// <summary>Optimism bias raising the cost: <c>C × (1 + ob)</c>, between 0 and 1.</summary>
    public decimal OptimismBias { get; init; }

    /// <summary>An optional label for reports.</summary>
    public string? Description { get; init; }
}
