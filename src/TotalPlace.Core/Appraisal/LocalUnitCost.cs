namespace TotalPlace.Core.Appraisal;

/// <summary>A user's local unit cost declared in a proposal file (JSON <c>local_unit_costs</c>).</summary>
/// <param name="Code">The code value lines refer to.</param>
/// <param name="Description">What the unit is.</param>
/// <param name="Type">The value type of <paramref name="Amount"/>.</param>
/// <param name="Amount">Pounds at <paramref name="PriceYear"/> prices.</param>
/// <param name="PriceYear">The prices of the amount.</param>
/// <param name="Source">The evidence.</param>
/// <param name="Confidence">A confidence grade (see <see cref="OptimismBiasTable"/>), or empty.</param>
public sealed record LocalUnitCost(string Code, string Description, BenefitType Type, decimal Amount, FiscalYear PriceYear,
    string Source, string Confidence)
{
    /// <summary>The entry as a <see cref="UnitCost"/> of edition "local".</summary>
    public UnitCost ToUnitCost() => Appraisal.UnitCost.Local(Code, Description, Type, Amount, PriceYear, Source, Confidence);
}
