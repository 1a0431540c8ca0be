namespace TotalPlace.Core.Appraisal;

/// <summary>A problem with a proposal, naming the field path, e.g. <c>outcomes[0].values[1].optimism_bias</c>.</summary>
/// <param name="Path">The JSON path of the field ("" for the whole document).</param>
/// <param name="Message">What is wrong, stating the rule.</param>
public sealed record ProposalError(string Path, string Message)
{
    /// <summary>Formats as "path: message".</summary>
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
