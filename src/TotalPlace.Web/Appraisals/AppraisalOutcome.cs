using TotalPlace.Application.Appraisal;
using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Appraisal.Uncertainty;

namespace TotalPlace.Web.Appraisals;

/// <summary>Either an appraisal (with its sensitivity) or the field-path errors that stopped one; the page and the API
/// share it so both parse and validate exactly as the CLI's <c>appraise</c> verb does.</summary>
/// <param name="Result">The business case, when the proposal is valid.</param>
/// <param name="Errors">Why there is none, by field path.</param>
/// <param name="Proposal">The parsed proposal, when valid (the Monte Carlo job runs on it).</param>
/// <param name="Tornado">Fiscal NPV with each input at its low and high values, widest first (as the CLI prints it).</param>
/// <param name="Switching">The value of each input at which fiscal NPV is zero.</param>
public sealed record AppraisalOutcome(
    AppraisalResult? Result,
    IReadOnlyList<ProposalError> Errors,
    Proposal? Proposal = null,
    IReadOnlyList<TornadoBar>? Tornado = null,
    IReadOnlyList<SwitchingValue>? Switching = null)
{
    /// <summary>The most proposal JSON the web app accepts (a proposal is a few kilobytes).</summary>
    public const int MaxProposalBytes = 1024 * 1024;

    /// <summary>Appraises the proposal file through the application's use case (<see cref="AppraiseProposal"/>).</summary>
    public static AppraisalOutcome Evaluate(string json)
    {
        var appraisal = AppraiseProposal.Evaluate(json);
        return new AppraisalOutcome(appraisal.Result, appraisal.Errors, appraisal.Proposal, appraisal.Tornado, appraisal.Switching);
    }
}
