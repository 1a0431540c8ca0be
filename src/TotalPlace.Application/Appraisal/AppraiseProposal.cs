using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Appraisal.Uncertainty;

namespace TotalPlace.Application.Appraisal;

/// <summary>The use case "appraise a proposal": the proposal file (docs/proposal.schema.json) read and checked exactly
/// as the CLI's <c>appraise</c> verb does, then the engine's business case with its tornado, switching values and the
/// effect of optimism bias. The web page, the proposal editor's live results and the appraisal API call it; nothing
/// here is stored.</summary>
public static class AppraiseProposal
{
    /// <summary>The most proposal JSON accepted (a proposal is a few kilobytes).</summary>
    public const int MaxProposalBytes = 1024 * 1024;

    /// <summary>Appraises <paramref name="json"/> with <paramref name="appraiser"/> (default: UCD v1.4 and the GM
    /// optimism-bias table).</summary>
    public static ProposalAppraisal Evaluate(string json, Appraiser? appraiser = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        appraiser ??= Appraiser.Default;
        if (json.Length > MaxProposalBytes)
        {
            return new ProposalAppraisal(null, [new ProposalError("", $"a proposal may be at most {MaxProposalBytes / 1024} KB")]);
        }

        var parsed = ProposalParser.Parse(json);
        if (!parsed.TryGetValue(out var proposal))
        {
            return new ProposalAppraisal(null, parsed.Errors);
        }

        var errors = appraiser.Validate(proposal);
        if (errors.Count > 0)
        {
            return new ProposalAppraisal(null, errors);
        }

        var result = appraiser.Appraise(proposal);
        return new ProposalAppraisal(
            result,
            [],
            proposal,
            Tornado.Compute(proposal, appraiser),
            SwitchingValues.Compute(proposal, appraiser),
            OptimismBiasOf(proposal, result, appraiser));
    }

    private static OptimismBiasEffect OptimismBiasOf(Proposal proposal, AppraisalResult result, Appraiser appraiser)
    {
        var lines = new List<OptimismBiasLine>();
        for (var i = 0; i < proposal.Costs.Count; i++)
        {
            var c = proposal.Costs[i];
            lines.Add(new OptimismBiasLine($"costs[{i}]", c.Description ?? $"{c.Agency} {c.Kind.ToString().ToLowerInvariant()} cost", c.OptimismBias, "given with the cost"));
        }

        for (var o = 0; o < proposal.Outcomes.Count; o++)
        {
            var outcome = proposal.Outcomes[o];
            for (var v = 0; v < outcome.Values.Count; v++)
            {
                var value = outcome.Values[v];
                var (rate, rule) = appraiser.ResolveOptimismBias(value);
                var label = value.UnitCost is { } code ? $"{outcome.Name}: {code}" : $"{outcome.Name}: {value.Source}";
                lines.Add(new OptimismBiasLine($"outcomes[{o}].values[{v}]", label, rate, rule));
            }
        }

        // The same proposal with every rate at zero, appraised by the same engine.
        var without = proposal with
        {
            Costs = [.. proposal.Costs.Select(c => c with { OptimismBias = 0m })],
            Outcomes = [.. proposal.Outcomes.Select(o => o with { Values = [.. o.Values.Select(v => v with { OptimismBias = 0m, Confidence = null })] })],
        };
        var plain = appraiser.Appraise(without);
        return new OptimismBiasEffect(plain.PvCosts, plain.PvFiscal, result.PvCosts - plain.PvCosts, plain.PvFiscal - result.PvFiscal, lines);
    }
}
