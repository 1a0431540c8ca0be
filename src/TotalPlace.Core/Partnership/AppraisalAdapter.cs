using System.Globalization;
using TotalPlace.Core.Appraisal;

namespace TotalPlace.Core.Partnership;

/// <summary>
/// Attaches an appraisal engine result to an offer: copies its fiscal benefits and costs by agency and year, and a
/// one-line summary, into an <see cref="AppraisalReference"/>, so figures are taken from the engine, not retyped.
/// </summary>
/// <remarks>The amounts come from the result's trace (every figure by line, agency and year), undiscounted at the
/// appraisal's price base, because savings are shared in the year they arise. Fiscal benefits include transfers
/// (benefit payments saved fall to the paying department) unless <c>includeTransfers</c> is false.</remarks>
public static class AppraisalAdapter
{
    /// <summary>Builds the reference an offer keeps to an appraisal.</summary>
    /// <param name="proposalId">The proposal's identifier (file name or store key).</param>
    /// <param name="result">The appraisal engine's result.</param>
    /// <param name="includeTransfers">Whether fiscal transfers count as savings to share.</param>
    public static AppraisalReference From(string proposalId, AppraisalResult result, bool includeTransfers = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(proposalId);
        ArgumentNullException.ThrowIfNull(result);
        var flows = result.Trace
            .Where(t => t.Kind is "fiscal" or "cost" && (includeTransfers || !t.Transfer))
            .GroupBy(t => (t.Agency, t.FiscalYear))
            .OrderBy(g => g.Key.FiscalYear)
            .ThenBy(g => g.Key.Agency, StringComparer.Ordinal)
            .Select(g => new AgencyFiscalFlow(
                g.Key.Agency,
                g.Key.FiscalYear,
                Money.FromPounds(g.Where(t => t.Kind == "fiscal").Sum(t => t.Amount)),
                Money.FromPounds(g.Where(t => t.Kind == "cost").Sum(t => t.Amount))))
            .ToList();
        return new AppraisalReference(proposalId, result.Proposal.Name, Summary(result), flows);
    }

    private static string Summary(AppraisalResult r)
    {
        var gb = CultureInfo.GetCultureInfo("en-GB");
        var roi = r.RoiFiscal is { } x ? $"fiscal return £{Math.Round(x, 2).ToString("0.00", gb)} per £1" : "no costs";
        var payback = r.PaybackFiscalYear is { } y ? $"payback in {y}" : "no fiscal payback within the appraisal";
        return $"Fiscal NPV {Money.FromPounds(r.NpvFiscal)} over {r.Years.Count} years ({r.PriceBase}); {roi}; {payback}.";
    }
}
