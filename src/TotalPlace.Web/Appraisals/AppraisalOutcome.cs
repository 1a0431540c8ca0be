using TotalPlace.Core.Appraisal;

namespace TotalPlace.Web.Appraisals;

/// <summary>Either an appraisal or the field-path errors that stopped one; the page and the API share it so both
/// parse and validate exactly as the CLI's <c>appraise</c> verb does.</summary>
public sealed record AppraisalOutcome(AppraisalResult? Result, IReadOnlyList<ProposalError> Errors)
{
    /// <summary>The most proposal JSON the web app accepts (a proposal is a few kilobytes).</summary>
    public const int MaxProposalBytes = 1024 * 1024;

    public static AppraisalOutcome Evaluate(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var appraiser = Appraiser.Default;
        var parsed = ProposalParser.Parse(json);
        if (!parsed.TryGetValue(out var proposal))
        {
            return new AppraisalOutcome(null, parsed.Errors);
        }

        var errors = appraiser.Validate(proposal);
        return errors.Count > 0 ? new AppraisalOutcome(null, errors) : new AppraisalOutcome(appraiser.Appraise(proposal), []);
    }
}
