namespace TotalPlace.Core.Appraisal.Uncertainty;

/// <summary>
/// A proposal reduced to the few multiply-adds that give its present values from its varying inputs, in
/// <see cref="double"/>, for Monte Carlo.
/// </summary>
/// <remarks>Present values are linear in every amount and rate except drop-off, so all that depends on cohorts,
/// lags, horizon and discount factors is folded into weights once; an iteration then costs a few dozen flops.
/// Doubles are used ONLY here, for simulation statistics: the error (~1e-15 relative) is far below the spread
/// being measured, and decimal would be about 20–50× slower. Reported deterministic figures come from
/// <see cref="Appraiser"/> in decimal.</remarks>
internal sealed class CompiledModel
{
    private readonly CostTerm[] _costs;
    private readonly OutcomeTerm[] _outcomes;

    public CompiledModel(Proposal proposal, Appraiser appraiser)
    {
        Paths = ProposalInputs.All(proposal);
        Base = Paths.Select(p => (double)ProposalInputs.Get(proposal, p, appraiser)).ToArray();
        var index = Paths.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        var schedule = DiscountSchedule.For(proposal.Discount);
        var n = proposal.HorizonYears;
        var df = Enumerable.Range(0, n).Select(t => schedule.Factor(t)).ToArray();
        var deflator = appraiser.Deflator;

        _costs = proposal.Costs.Select((c, i) =>
        {
            var upr = (double)deflator.Uprate(1m, c.PriceYear ?? proposal.PriceBase, proposal.PriceBase);
            var weight = 0m;
            if (c.Per == CostBasis.Fixed)
            {
                weight = c.Year is { } y && y < n ? df[y] : 0m;
            }
            else
            {
                foreach (var cohort in proposal.Cohorts)
                {
                    if (cohort.Year < n && (c.Year is null || c.Year == cohort.Year))
                    {
                        weight += cohort.Referrals * df[cohort.Year];
                    }
                }
            }

            return new CostTerm(index[$"costs[{i}].amount"], index[$"costs[{i}].optimism_bias"], upr * (double)weight,
                c.Per == CostBasis.Engaged);
        }).ToArray();

        _outcomes = proposal.Outcomes.Select((o, i) =>
        {
            var s = new double[o.DurationYears];
            for (var k = 0; k < o.DurationYears; k++)
            {
                var sum = 0m;
                foreach (var cohort in proposal.Cohorts)
                {
                    var t = cohort.Year + o.LagYears + k;
                    if (t < n)
                    {
                        sum += cohort.Referrals * df[t];
                    }
                }

                s[k] = (double)sum;
            }

            var values = o.Values.Select((v, j) =>
            {
                var resolved = appraiser.ResolveValue(proposal, v);
                var upr = (double)deflator.Uprate(1m, resolved.PriceYear, proposal.PriceBase);
                return new ValueTerm(index[$"outcomes[{i}].values[{j}].amount"], index[$"outcomes[{i}].values[{j}].optimism_bias"],
                    upr, v.Type, v.Transfer);
            }).ToArray();
            return new OutcomeTerm(index[$"outcomes[{i}].success"], s, values);
        }).ToArray();
    }

    /// <summary>The varying inputs, in <see cref="ProposalInputs.All"/> order.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>The base value of each input.</summary>
    public double[] Base { get; }

    /// <summary>Present values for the inputs <paramref name="x"/> (laid out as <see cref="Paths"/>).</summary>
    public Outputs Evaluate(ReadOnlySpan<double> x)
    {
        var engagement = x[0];
        var pvCosts = 0.0;
        foreach (var c in _costs)
        {
            pvCosts += x[c.Amount] * (1 + x[c.OptimismBias]) * c.Weight * (c.Engaged ? engagement : 1.0);
        }

        double fiscal = 0, transfers = 0, economic = 0, social = 0;
        foreach (var o in _outcomes)
        {
            var p = o.Success;
            var scale = engagement * x[p] * (1 - x[p + 1]) * (1 - x[p + 2]) * (1 - x[p + 3]);
            var q = 1 - x[p + 4];
            var w = 0.0;
            for (var k = o.Weights.Length - 1; k >= 0; k--)
            {
                w = w * q + o.Weights[k];
            }

            var outcomeYears = scale * w;
            foreach (var v in o.Values)
            {
                var b = outcomeYears * x[v.Amount] * v.Uprate * (1 - x[v.OptimismBias]);
                switch (v.Type)
                {
                    case BenefitType.Fiscal:
                        fiscal += b;
                        if (v.Transfer)
                        {
                            transfers += b;
                        }

                        break;
                    case BenefitType.Economic:
                        economic += b;
                        break;
                    default:
                        social += b;
                        break;
                }
            }
        }

        return new Outputs(pvCosts, fiscal, fiscal - transfers + economic + social);
    }

    internal readonly record struct Outputs(double PvCosts, double PvFiscal, double PvPublicValue);

    private sealed record CostTerm(int Amount, int OptimismBias, double Weight, bool Engaged);

    private sealed record ValueTerm(int Amount, int OptimismBias, double Uprate, BenefitType Type, bool Transfer);

    private sealed record OutcomeTerm(int Success, double[] Weights, ValueTerm[] Values);
}
