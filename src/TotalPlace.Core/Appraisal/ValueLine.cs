namespace TotalPlace.Core.Appraisal;

/// <summary>One value an outcome is worth, per outcome-year: a unit cost reference or a local amount.</summary>
/// <remarks>When both <see cref="UnitCost"/> and <see cref="Amount"/> are set (sensitivity runs do this), the amount
/// replaces the entry's figure, in the entry's price year unless <see cref="PriceYear"/> says otherwise; the entry
/// is still cited.</remarks>
public sealed record ValueLine
{
    /// <summary>A unit cost code (e.g. "E&amp;E1.0.1") whose value of <see cref="Type"/> is used.</summary>
    public string? UnitCost { get; init; }

    /// <summary>A local value in pounds at <see cref="PriceYear"/> prices.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The prices of <see cref="Amount"/>.</summary>
    public FiscalYear? PriceYear { get; init; }

    /// <summary>Where a local amount comes from.</summary>
    public string? Source { get; init; }

    /// <summary>Fiscal, economic or social.</summary>
    public BenefitType Type { get; init; } = BenefitType.Fiscal;

    /// <summary>The agency that benefits (fiscal values), or who gains.</summary>
    public string Agency { get; init; } = "";

    /// <summary>True for transfers (benefit payments, tax): counted in the fiscal case, excluded from public value.</summary>
    public bool Transfer { get; init; }

    /// <summary>The share of the fiscal value that can be cashed, 0–1 (default 1, a TotalPlace convention).</summary>
    public decimal Cashable { get; init; } = 1m;

    /// <summary>Optimism bias reducing the value: <c>B × (1 − ob)</c>; takes precedence over <see cref="Confidence"/>.</summary>
    public decimal? OptimismBias { get; init; }

    /// <summary>A confidence grade looked up in the <see cref="OptimismBiasTable"/>.</summary>
    public string? Confidence { get; init; }
}
