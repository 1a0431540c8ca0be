namespace TotalPlace.Core.Partnership;

/// <summary>One problem with an offer, found by parsing or validation.</summary>
/// <param name="Path">Where in the offer file it is, as a JSON path such as <c>$.outcomes[2].baseline</c>.</param>
/// <param name="Code">A stable code for the rule, such as <c>outcome.baseline-missing</c>.</param>
/// <param name="Message">What is wrong and what the rule is.</param>
public sealed record OfferIssue(string Path, string Code, string Message)
{
    /// <summary>"path: message", the form printed one per line by the CLI.</summary>
    public override string ToString() => $"{Path}: {Message}";
}
