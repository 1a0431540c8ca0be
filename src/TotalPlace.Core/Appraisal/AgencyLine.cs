namespace TotalPlace.Core.Appraisal;

/// <summary>Who pays and who benefits: one agency's present-value costs and fiscal benefits.</summary>
/// <param name="Agency">The agency.</param>
/// <param name="PvCosts">The present value of the costs it pays.</param>
/// <param name="PvFiscalBenefits">The present value of the fiscal benefits it receives.</param>
/// <param name="PvFiscalCashable">The cashable part of <paramref name="PvFiscalBenefits"/>.</param>
public sealed record AgencyLine(string Agency, decimal PvCosts, decimal PvFiscalBenefits, decimal PvFiscalCashable)
{
    /// <summary>Benefits less costs for this agency.</summary>
    public decimal NetFiscal => PvFiscalBenefits - PvCosts;
}
