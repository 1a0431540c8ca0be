using TotalPlace.Core;
using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Appraisal.Uncertainty;

namespace TotalPlace.Web.Appraisals;

/// <summary>The business case as the HTTP API returns it: headline present values, payback, the years and who pays
/// and who benefits, and sensitivity (tornado bars and switching values, as the CLI prints them). Amounts are pounds in
/// the proposal's price base, discounted where named PV or NPV.</summary>
public sealed record AppraisalReport(
    string Name,
    string PriceBase,
    decimal PvCosts,
    decimal PvFiscal,
    decimal PvFiscalCashable,
    decimal PvEconomic,
    decimal PvSocial,
    decimal PvPublicValue,
    decimal NpvFiscal,
    decimal NpvPublicValue,
    decimal? RoiFiscal,
    decimal? RoiPublicValue,
    int? PaybackYearIndex,
    FiscalYear? PaybackYear,
    decimal? IrrFiscal,
    IReadOnlyList<AppraisalYear> Years,
    IReadOnlyList<AgencyLine> ByAgency,
    IReadOnlyList<string> Conventions,
    IReadOnlyList<TornadoBar> Sensitivity,
    IReadOnlyList<SwitchingValue> SwitchingValues)
{
    public static AppraisalReport From(AppraisalOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var result = outcome.Result ?? throw new ArgumentException("Only a valid proposal has a report.", nameof(outcome));
        return new AppraisalReport(
            result.Proposal.Name,
            result.PriceBase.ToString(),
            result.PvCosts,
            result.PvFiscal,
            result.PvFiscalCashable,
            result.PvEconomic,
            result.PvSocial,
            result.PvPublicValue,
            result.NpvFiscal,
            result.NpvPublicValue,
            result.RoiFiscal,
            result.RoiPublicValue,
            result.PaybackYearIndex,
            result.PaybackFiscalYear,
            result.IrrFiscal,
            result.Years,
            result.ByAgency,
            result.Conventions,
            outcome.Tornado ?? [],
            outcome.Switching ?? []);
    }
}
