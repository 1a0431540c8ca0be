namespace TotalPlace.Core.Appraisal.Portfolio;

/// <summary>The fund's best set of proposals, and why each other one was left out.</summary>
/// <param name="Selected">The chosen proposals.</param>
/// <param name="LeftOut">Each proposal not chosen, with the reason.</param>
/// <param name="TotalObjective">The sum of the chosen proposals' objectives.</param>
/// <param name="SpendByYear">What the chosen set costs in each year.</param>
/// <param name="SpendByPartner">What each partner contributes to the chosen set.</param>
/// <param name="NodesExplored">Branch-and-bound nodes visited (for diagnostics).</param>
public sealed record PortfolioChoice(IReadOnlyList<PortfolioCandidate> Selected,
    IReadOnlyList<(PortfolioCandidate Candidate, string Reason)> LeftOut, decimal TotalObjective,
    IReadOnlyDictionary<FiscalYear, decimal> SpendByYear, IReadOnlyDictionary<string, decimal> SpendByPartner, long NodesExplored);
