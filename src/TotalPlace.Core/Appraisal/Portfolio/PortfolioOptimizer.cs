using System.Globalization;

namespace TotalPlace.Core.Appraisal.Portfolio;

/// <summary>
/// Chooses the set of proposals that maximises the total objective (fiscal or public-value NPV) within a fund's
/// yearly budgets and partner limits: an exact 0/1 multi-dimensional knapsack by depth-first branch and bound.
/// </summary>
/// <remarks>The bound is the current total plus every remaining positive objective (and, per constraint, nothing
/// cleverer), which is exact and fast for the tens of proposals a fund sees. Proposals with an objective ≤ 0 are never
/// chosen, since every limit is an upper limit. Ties keep the set found first (proposals in descending objective).</remarks>
public static class PortfolioOptimizer
{
    /// <summary>The most candidates accepted (2^n worst case).</summary>
    public const int MaxCandidates = 60;

    /// <summary>The best portfolio of <paramref name="candidates"/> within <paramref name="constraints"/>.</summary>
    public static PortfolioChoice Choose(IReadOnlyList<PortfolioCandidate> candidates, PortfolioConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(constraints);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(candidates.Count, MaxCandidates);

        var years = candidates.SelectMany(c => c.CostByYear.Keys).Distinct().Order().ToArray();
        var partners = (constraints.PartnerLimits?.Keys ?? []).ToArray();
        var limits = years.Select(y => constraints.BudgetFor(y) ?? decimal.MaxValue)
            .Concat(partners.Select(p => constraints.PartnerLimits![p])).ToArray();
        decimal[] Use(PortfolioCandidate c) => years.Select(y => c.CostByYear.GetValueOrDefault(y))
            .Concat(partners.Select(p => c.CostByAgency.TryGetValue(p, out var v) ? v : c.CostByAgency
                .Where(kv => string.Equals(kv.Key, p, StringComparison.OrdinalIgnoreCase)).Sum(kv => kv.Value))).ToArray();
        string Describe(int d) => d < years.Length ? $"the {years[d]} budget" : $"{partners[d - years.Length]}'s limit";

        var leftOut = new List<(PortfolioCandidate, string)>();
        var items = new List<(PortfolioCandidate Candidate, decimal[] Use)>();
        foreach (var c in candidates)
        {
            var use = Use(c);
            var breach = Enumerable.Range(0, limits.Length).FirstOrDefault(d => use[d] > limits[d], -1);
            if (c.Objective <= 0m)
            {
                leftOut.Add((c, $"its NPV {Money.FromPounds(c.Objective)} is not positive"));
            }
            else if (breach >= 0)
            {
                leftOut.Add((c, $"on its own it exceeds {Describe(breach)} ({Money.FromPounds(use[breach])} > {Money.FromPounds(limits[breach])})"));
            }
            else
            {
                items.Add((c, use));
            }
        }

        var sorted = items.OrderByDescending(i => i.Candidate.Objective).ToArray();
        var suffix = new decimal[sorted.Length + 1];
        for (var i = sorted.Length - 1; i >= 0; i--)
        {
            suffix[i] = suffix[i + 1] + sorted[i].Candidate.Objective;
        }

        var used = new decimal[limits.Length];
        var chosen = new bool[sorted.Length];
        var best = new bool[sorted.Length];
        var bestValue = -1m;
        long nodes = 0;
        void Search(int i, decimal value)
        {
            nodes++;
            if (value > bestValue)
            {
                bestValue = value;
                System.Array.Copy(chosen, best, chosen.Length);
            }

            if (i == sorted.Length || value + suffix[i] <= bestValue)
            {
                return;
            }

            var use = sorted[i].Use;
            var fits = true;
            for (var d = 0; d < limits.Length && fits; d++)
            {
                fits = used[d] + use[d] <= limits[d];
            }

            if (fits)
            {
                for (var d = 0; d < limits.Length; d++)
                {
                    used[d] += use[d];
                }

                chosen[i] = true;
                Search(i + 1, value + sorted[i].Candidate.Objective);
                chosen[i] = false;
                for (var d = 0; d < limits.Length; d++)
                {
                    used[d] -= use[d];
                }
            }

            Search(i + 1, value);
        }

        Search(0, 0m);

        var selected = sorted.Where((_, i) => best[i]).ToList();
        var total = new decimal[limits.Length];
        foreach (var s in selected)
        {
            for (var d = 0; d < limits.Length; d++)
            {
                total[d] += s.Use[d];
            }
        }

        for (var i = 0; i < sorted.Length; i++)
        {
            if (best[i])
            {
                continue;
            }

            var use = sorted[i].Use;
            var binding = Enumerable.Range(0, limits.Length).Where(d => total[d] + use[d] > limits[d]).Select(Describe).ToList();
            leftOut.Add((sorted[i].Candidate, string.Create(CultureInfo.InvariantCulture,
                $"with the chosen set it would exceed {string.Join(" and ", binding)}; the chosen set returns more in total than any set including it")));
        }

        return new PortfolioChoice(
            selected.Select(s => s.Candidate).ToList(),
            leftOut,
            selected.Sum(s => s.Candidate.Objective),
            years.Select((y, d) => (y, d)).ToDictionary(x => x.y, x => total[x.d]),
            partners.Select((p, k) => (p, k)).ToDictionary(x => x.p, x => total[years.Length + x.k], StringComparer.OrdinalIgnoreCase),
            nodes);
    }
}
