namespace TotalPlace.Core.Appraisal.Uncertainty;

/// <summary>A distribution placed on one input of a proposal, named by its JSON path (see <see cref="ProposalInputs"/>).</summary>
/// <param name="Path">e.g. <c>outcomes[0].success</c>, <c>outcomes[0].values[1].amount</c>, <c>costs[0].amount</c>.</param>
/// <param name="Distribution">The distribution of the input's value.</param>
public sealed record UncertainInput(string Path, Distribution Distribution);
