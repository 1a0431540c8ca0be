using BenchmarkDotNet.Attributes;
using TotalPlace.Core;
using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Appraisal.Uncertainty;

namespace TotalPlace.Benchmarks.Appraisal;

/// <summary>
/// Monte Carlo of a 10-outcome, 10-year proposal (3 value lines per outcome, 4 cost lines, 44 uncertain inputs).
/// Target (design.md): 1 million iterations in about a second. The baseline is the naive simulation that builds and
/// appraises a decimal proposal per iteration; OperationsPerInvoke makes both report time per iteration, so the
/// Ratio column is the speed-up.
/// </summary>
[MemoryDiagnoser]
// No job attribute: run in-process with a short job, because the artifacts output layout hides the project from
// BenchmarkDotNet's generated out-of-process build:
//   dotnet TotalPlace.Benchmarks.dll --filter "*MonteCarloBenchmarks*" --inProcess --job short
public class MonteCarloBenchmarks
{
    private const int FastIterations = 1_000_000;
    private const int NaiveIterations = 200;
    private Proposal _proposal = null!;

    [GlobalSetup]
    public void Setup() => _proposal = TenByTen();

    [Benchmark(Baseline = true, OperationsPerInvoke = NaiveIterations, Description = "naive decimal, per iteration")]
    public MonteCarloResult NaiveDecimal() => MonteCarlo.RunNaive(_proposal, Appraiser.Default, NaiveIterations, 42);

    [Benchmark(OperationsPerInvoke = FastIterations, Description = "compiled double, parallel, per iteration (1M run)")]
    public MonteCarloResult Compiled() => MonteCarlo.Run(_proposal, Appraiser.Default, FastIterations, 42);

    /// <summary>The benchmark proposal: 10 outcomes over 10 years, using UCD entries.</summary>
    public static Proposal TenByTen()
    {
        string[] codes = ["E&E1.0.1", "E&E1.0.2", "E&E10.0.1", "E&E10.0.2", "E&E2.0.1", "E&E2.0.2", "E&E3.0.1", "E&E3.0.2", "E&E10.2.1", "E&E10.2.2"];
        var outcomes = Enumerable.Range(0, 10).Select(i => new Outcome
        {
            Name = $"Outcome {i}",
            Success = 0.2m + i * 0.02m,
            Deadweight = 0.2m,
            Attribution = 0.1m,
            Displacement = 0.05m,
            LagYears = i % 3,
            DurationYears = 3 + i % 4,
            DropOff = 0.2m,
            Values =
            [
                new ValueLine { UnitCost = codes[i], Type = BenefitType.Fiscal, Agency = "DWP", Transfer = true, OptimismBias = 0.15m },
                new ValueLine { UnitCost = codes[(i + 1) % 10], Type = BenefitType.Fiscal, Agency = "NHS", OptimismBias = 0.15m },
                new ValueLine { Amount = 5000m + 100m * i, PriceYear = FiscalYear.Parse("2013-14"), Source = "benchmark", Type = BenefitType.Social, Agency = "Residents", Confidence = "3" },
            ],
        }).ToList();
        var uncertainty = new List<UncertainInput>();
        for (var i = 0; i < 10; i++)
        {
            uncertainty.Add(new($"outcomes[{i}].success", Distribution.Pert(0.1m, outcomes[i].Success, 0.6m)));
            uncertainty.Add(new($"outcomes[{i}].deadweight", Distribution.Triangular(0.1m, 0.2m, 0.4m)));
            uncertainty.Add(new($"outcomes[{i}].drop_off", Distribution.Uniform(0.1m, 0.3m)));
            uncertainty.Add(new($"outcomes[{i}].values[2].amount", Distribution.Normal(5000m + 100m * i, 800m, 2000m, 9000m)));
        }

        for (var c = 0; c < 4; c++)
        {
            uncertainty.Add(new($"costs[{c}].amount", Distribution.Triangular(800m, 1000m, 1500m)));
        }

        return new Proposal
        {
            Name = "Benchmark: 10 outcomes, 10 years",
            PriceBase = FiscalYear.Parse("2015-16"),
            StartYear = FiscalYear.Parse("2015-16"),
            HorizonYears = 10,
            Cohorts = Enumerable.Range(0, 5).Select(y => new Cohort(y, 200m)).ToList(),
            Engagement = 0.7m,
            Costs = Enumerable.Range(0, 4).Select(c => new CostLine
            {
                Agency = c % 2 == 0 ? "Local authority" : "NHS",
                Amount = 1000m,
                Per = c == 3 ? CostBasis.Fixed : CostBasis.Engaged,
                Year = c == 3 ? 0 : null,
                OptimismBias = 0.1m,
            }).ToList(),
            Outcomes = outcomes,
            Uncertainty = uncertainty,
        };
    }
}
