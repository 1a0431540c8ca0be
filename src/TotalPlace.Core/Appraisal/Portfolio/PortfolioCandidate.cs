namespace TotalPlace.Core.Appraisal.Portfolio;

/// <summary>A proposal offered to a fund: what it returns and what it costs, by year and by paying partner.</summary>
/// <param name="Name">The proposal.</param>
/// <param name="Objective">The value maximised (fiscal or public-value NPV, pounds).</param>
/// <param name="CostByYear">Undiscounted costs by financial year, at the fund's price base.</param>
/// <param name="CostByAgency">Total undiscounted costs by paying partner.</param>
public sealed record PortfolioCandidate(string Name, decimal Objective, IReadOnlyDictionary<FiscalYear, decimal> CostByYear,
    IReadOnlyDictionary<string, decimal> CostByAgency)
{
    /// <summary>A candidate from an appraisal, maximising fiscal NPV or public-value NPV.</summary>
    public static PortfolioCandidate FromAppraisal(AppraisalResult result, bool publicValue = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        var byYear = result.Years.ToDictionary(y => y.FiscalYear, y => y.Costs);
        var byAgency = result.Trace.Where(t => t.Kind == "cost")
            .GroupBy(t => t.Agency, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Sum(t => t.Amount), StringComparer.OrdinalIgnoreCase);
        return new PortfolioCandidate(result.Proposal.Name, publicValue ? result.NpvPublicValue : result.NpvFiscal, byYear, byAgency);
    }
}
