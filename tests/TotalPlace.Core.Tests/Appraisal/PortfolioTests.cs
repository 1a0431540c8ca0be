using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Appraisal.Portfolio;

namespace TotalPlace.Core.Tests.Appraisal;

public sealed class PortfolioTests
{
    private static readonly FiscalYear[] s_years = [FiscalYear.Parse("2016-17"), FiscalYear.Parse("2017-18"), FiscalYear.Parse("2018-19")];

    private static (List<PortfolioCandidate> Candidates, PortfolioConstraints Constraints) Instance(int seed)
    {
        var r = new Random(seed);
        var n = 1 + r.Next(10);
        var candidates = Enumerable.Range(0, n).Select(i => new PortfolioCandidate(
            $"P{i}",
            r.Next(-20, 100) * 1000m,
            s_years.ToDictionary(y => y, _ => (decimal)r.Next(0, 50) * 1000m),
            new Dictionary<string, decimal> { ["Council"] = r.Next(0, 60) * 1000m, ["NHS"] = r.Next(0, 60) * 1000m })).ToList();
        var constraints = new PortfolioConstraints(r.Next(20, 150) * 1000m,
            new Dictionary<FiscalYear, decimal> { [s_years[1]] = r.Next(10, 100) * 1000m },
            r.Next(2) == 0 ? null : new Dictionary<string, decimal> { ["Council"] = r.Next(30, 200) * 1000m });
        return (candidates, constraints);
    }

    private static decimal BruteForce(List<PortfolioCandidate> candidates, PortfolioConstraints constraints)
    {
        var best = 0m;
        for (var mask = 0; mask < 1 << candidates.Count; mask++)
        {
            var set = candidates.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            var fits = s_years.All(y => set.Sum(c => c.CostByYear[y]) <= (constraints.BudgetFor(y) ?? decimal.MaxValue)) &&
                       (constraints.PartnerLimits ?? new Dictionary<string, decimal>()).All(l => set.Sum(c => c.CostByAgency[l.Key]) <= l.Value);
            if (fits)
            {
                best = Math.Max(best, set.Sum(c => c.Objective));
            }
        }

        return best;
    }

    [Fact]
    public void Choose_RandomSmallInstances_MatchesBruteForce()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var (candidates, constraints) = Instance(seed);
            var choice = PortfolioOptimizer.Choose(candidates, constraints);
            Assert.Equal(BruteForce(candidates, constraints), choice.TotalObjective);
            Assert.Equal(candidates.Count, choice.Selected.Count + choice.LeftOut.Count);
            foreach (var y in s_years)
            {
                Assert.True(choice.SpendByYear[y] <= (constraints.BudgetFor(y) ?? decimal.MaxValue));
            }
        }
    }

    [Fact]
    public void Choose_ExplainsWhatWasLeftOutAndWhy()
    {
        Dictionary<FiscalYear, decimal> Years(decimal a) => s_years.ToDictionary(y => y, _ => a);
        var candidates = new List<PortfolioCandidate>
        {
            new("Big", 100m, Years(60m), new Dictionary<string, decimal>()),
            new("Small A", 70m, Years(40m), new Dictionary<string, decimal>()),
            new("Small B", 70m, Years(40m), new Dictionary<string, decimal>()),
            new("Loss", -5m, Years(1m), new Dictionary<string, decimal>()),
            new("Huge", 500m, Years(200m), new Dictionary<string, decimal>()),
        };
        var choice = PortfolioOptimizer.Choose(candidates, new PortfolioConstraints(80m));
        Assert.Equal(["Small A", "Small B"], choice.Selected.Select(c => c.Name).Order());
        Assert.Equal(140m, choice.TotalObjective);
        Assert.Contains(choice.LeftOut, l => l.Candidate.Name == "Loss" && l.Reason.Contains("not positive", StringComparison.Ordinal));
        Assert.Contains(choice.LeftOut, l => l.Candidate.Name == "Huge" && l.Reason.Contains("on its own it exceeds the 2016-17 budget", StringComparison.Ordinal));
        Assert.Contains(choice.LeftOut, l => l.Candidate.Name == "Big" && l.Reason.Contains("with the chosen set", StringComparison.Ordinal));
    }

    [Fact]
    public void FromAppraisal_TakesCostsByYearAndPayingAgency()
    {
        var result = Appraiser.Default.Appraise(Samples.Jsa);
        var candidate = PortfolioCandidate.FromAppraisal(result);
        Assert.Equal(result.NpvFiscal, candidate.Objective);
        Assert.Equal(286000m, candidate.CostByYear[FiscalYear.Parse("2015-16")]);
        Assert.Equal(459250m, candidate.CostByAgency["Local authority"]);
        Assert.Equal(result.NpvPublicValue, PortfolioCandidate.FromAppraisal(result, publicValue: true).Objective);
    }
}
