using System.Globalization;
using System.Text.RegularExpressions;

namespace TotalPlace.Core.Appraisal.Uncertainty;

/// <summary>
/// Reads and replaces one numeric input of a proposal named by its JSON path, so that Monte Carlo, the tornado and
/// switching values all speak the same language as the proposal file.
/// </summary>
/// <remarks>Supported paths: <c>engagement</c>; <c>costs[i].amount</c>, <c>costs[i].optimism_bias</c>;
/// <c>outcomes[i].success|deadweight|attribution|displacement|drop_off</c>;
/// <c>outcomes[i].values[j].amount</c> (in the line's own price year; for a unit cost, the entry's) and
/// <c>outcomes[i].values[j].optimism_bias</c>.</remarks>
public static partial class ProposalInputs
{
    /// <summary>True when <paramref name="path"/> names a supported input.</summary>
    public static bool IsSupported(string path) => Pattern().IsMatch(path ?? "");

    /// <summary>The range an input may take: [0, 1] for rates, [0, ∞) for amounts (null upper bound).</summary>
    public static (decimal Min, decimal? Max) Domain(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(".amount", StringComparison.Ordinal) ? (0m, null) : (0m, 1m);
    }

    /// <summary>Every supported input of <paramref name="proposal"/>, in file order.</summary>
    public static IReadOnlyList<string> All(Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var paths = new List<string> { "engagement" };
        for (var i = 0; i < proposal.Costs.Count; i++)
        {
            paths.Add(Inv($"costs[{i}].amount"));
            paths.Add(Inv($"costs[{i}].optimism_bias"));
        }

        for (var i = 0; i < proposal.Outcomes.Count; i++)
        {
            foreach (var field in new[] { "success", "deadweight", "attribution", "displacement", "drop_off" })
            {
                paths.Add(Inv($"outcomes[{i}].{field}"));
            }

            for (var j = 0; j < proposal.Outcomes[i].Values.Count; j++)
            {
                paths.Add(Inv($"outcomes[{i}].values[{j}].amount"));
                paths.Add(Inv($"outcomes[{i}].values[{j}].optimism_bias"));
            }
        }

        return paths;
    }

    /// <summary>The current value of the input at <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">The path is not supported or points outside the proposal.</exception>
    public static decimal Get(Proposal proposal, string path, Appraiser appraiser)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(appraiser);
        var r = Resolve(proposal, path);
        return r switch
        {
            { Area: "engagement" } => proposal.Engagement,
            { Area: "costs", Field: "amount" } => proposal.Costs[r.I].Amount,
            { Area: "costs" } => proposal.Costs[r.I].OptimismBias,
            { Area: "values", Field: "amount" } => appraiser.ResolveValue(proposal, proposal.Outcomes[r.I].Values[r.J]).Amount,
            { Area: "values" } => appraiser.ResolveOptimismBias(proposal.Outcomes[r.I].Values[r.J]).Rate,
            _ => OutcomeField(proposal.Outcomes[r.I], r.Field),
        };
    }

    /// <summary>A copy of <paramref name="proposal"/> with the input at <paramref name="path"/> set to <paramref name="value"/>.</summary>
    public static Proposal With(Proposal proposal, string path, decimal value, Appraiser appraiser)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(appraiser);
        var r = Resolve(proposal, path);
        switch (r.Area)
        {
            case "engagement":
                return proposal with { Engagement = value };
            case "costs":
                {
                    var costs = proposal.Costs.ToArray();
                    costs[r.I] = r.Field == "amount" ? costs[r.I] with { Amount = value } : costs[r.I] with { OptimismBias = value };
                    return proposal with { Costs = costs };
                }

            case "values":
                {
                    var line = proposal.Outcomes[r.I].Values[r.J];
                    if (r.Field == "amount")
                    {
                        var resolved = appraiser.ResolveValue(proposal, line);
                        line = line with { Amount = value, PriceYear = resolved.PriceYear };
                    }
                    else
                    {
                        line = line with { OptimismBias = value };
                    }

                    var values = proposal.Outcomes[r.I].Values.ToArray();
                    values[r.J] = line;
                    return ReplaceOutcome(proposal, r.I, proposal.Outcomes[r.I] with { Values = values });
                }

            default:
                {
                    var o = proposal.Outcomes[r.I];
                    o = r.Field switch
                    {
                        "success" => o with { Success = value },
                        "deadweight" => o with { Deadweight = value },
                        "attribution" => o with { Attribution = value },
                        "displacement" => o with { Displacement = value },
                        _ => o with { DropOff = value },
                    };
                    return ReplaceOutcome(proposal, r.I, o);
                }
        }
    }

    private static Proposal ReplaceOutcome(Proposal proposal, int index, Outcome outcome)
    {
        var outcomes = proposal.Outcomes.ToArray();
        outcomes[index] = outcome;
        return proposal with { Outcomes = outcomes };
    }

    private static decimal OutcomeField(Outcome o, string field) => field switch
    {
        "success" => o.Success,
        "deadweight" => o.Deadweight,
        "attribution" => o.Attribution,
        "displacement" => o.Displacement,
        _ => o.DropOff,
    };

    private static (string Area, int I, int J, string Field) Resolve(Proposal proposal, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var m = Pattern().Match(path);
        if (!m.Success)
        {
            throw new ArgumentException($"'{path}' is not an input that can vary; see ProposalInputs for the supported paths", nameof(path));
        }

        if (m.Groups["eng"].Success)
        {
            return ("engagement", 0, 0, "");
        }

        if (m.Groups["c"].Success)
        {
            var c = int.Parse(m.Groups["c"].Value, CultureInfo.InvariantCulture);
            Require(c < proposal.Costs.Count, path);
            return ("costs", c, 0, m.Groups["cf"].Value);
        }

        var i = int.Parse(m.Groups["o"].Value, CultureInfo.InvariantCulture);
        Require(i < proposal.Outcomes.Count, path);
        if (m.Groups["v"].Success)
        {
            var j = int.Parse(m.Groups["v"].Value, CultureInfo.InvariantCulture);
            Require(j < proposal.Outcomes[i].Values.Count, path);
            return ("values", i, j, m.Groups["vf"].Value);
        }

        return ("outcomes", i, 0, m.Groups["of"].Value);
    }

    private static void Require(bool condition, string path)
    {
        if (!condition)
        {
            throw new ArgumentException($"'{path}' points past the end of the proposal's lists", nameof(path));
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?:(?<eng>engagement)|costs\[(?<c>\d+)\]\.(?<cf>amount|optimism_bias)|outcomes\[(?<o>\d+)\]\.(?:(?<of>success|deadweight|attribution|displacement|drop_off)|values\[(?<v>\d+)\]\.(?<vf>amount|optimism_bias)))$")]
    private static partial Regex Pattern();
}
