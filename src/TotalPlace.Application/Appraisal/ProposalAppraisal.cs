using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Appraisal.Uncertainty;

namespace TotalPlace.Application.Appraisal;

/// <summary>Either the business case of a proposal file (with its sensitivity and what optimism bias did to it) or the
/// field-path errors that stopped one.</summary>
/// <param name="Result">The business case, when the proposal is valid.</param>
/// <param name="Errors">Why there is none, by field path.</param>
/// <param name="Proposal">The parsed proposal, when valid.</param>
/// <param name="Tornado">Fiscal NPV with each uncertain input at its low and high values, widest first.</param>
/// <param name="Switching">The value of each uncertain input at which fiscal NPV is zero.</param>
/// <param name="OptimismBias">How optimism bias moved the present values, when valid.</param>
public sealed record ProposalAppraisal(
    AppraisalResult? Result,
    IReadOnlyList<ProposalError> Errors,
    Proposal? Proposal = null,
    IReadOnlyList<TornadoBar>? Tornado = null,
    IReadOnlyList<SwitchingValue>? Switching = null,
    OptimismBiasEffect? OptimismBias = null)
{
    /// <summary>True when the proposal was appraised.</summary>
    public bool IsValid => Result is not null;
}

/// <summary>What optimism bias did to a proposal's present values: costs raised, benefits lowered (Green Book and
/// the GM method), with the rate of every line.</summary>
/// <param name="PvCostsWithout">PV costs with every optimism bias set to zero.</param>
/// <param name="PvFiscalWithout">PV fiscal benefits with every optimism bias set to zero.</param>
/// <param name="CostUplift">PV costs with optimism bias less <paramref name="PvCostsWithout"/> (≥ 0).</param>
/// <param name="FiscalReduction"><paramref name="PvFiscalWithout"/> less PV fiscal with optimism bias (≥ 0).</param>
/// <param name="Lines">Each cost and value line's rate and where it comes from.</param>
public sealed record OptimismBiasEffect(
    decimal PvCostsWithout,
    decimal PvFiscalWithout,
    decimal CostUplift,
    decimal FiscalReduction,
    IReadOnlyList<OptimismBiasLine> Lines);

/// <summary>One line's optimism bias.</summary>
/// <param name="Line">The proposal line, as a field path (<c>costs[0]</c>, <c>outcomes[1].values[0]</c>).</param>
/// <param name="Label">What the line is.</param>
/// <param name="Rate">The rate, 0–1: added to a cost, taken off a benefit.</param>
/// <param name="Basis">Where the rate comes from (given, confidence grade, unit cost rating).</param>
public sealed record OptimismBiasLine(string Line, string Label, decimal Rate, string Basis);
