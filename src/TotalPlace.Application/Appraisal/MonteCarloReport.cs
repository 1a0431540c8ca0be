using TotalPlace.Core.Appraisal.Uncertainty;

namespace TotalPlace.Application.Appraisal;

/// <summary>A Monte Carlo run's result as the API returns it: bands of each output and the chance each NPV is
/// positive. Simulation statistics are doubles (the engine's choice); amounts are pounds in the price base.</summary>
public sealed record MonteCarloReport(
    int Iterations,
    ulong Seed,
    IReadOnlyList<string> Inputs,
    MonteCarloBands PvCosts,
    MonteCarloBands NpvFiscal,
    MonteCarloBands NpvPublicValue,
    MonteCarloBands RoiFiscal,
    MonteCarloBands RoiPublicValue,
    double ProbabilityNpvFiscalPositive,
    double ProbabilityNpvPublicValuePositive)
{
    public static MonteCarloReport From(MonteCarloResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new MonteCarloReport(
            result.Iterations,
            result.Seed,
            [.. result.Inputs.Select(i => i.Path)],
            MonteCarloBands.From(result.PvCosts),
            MonteCarloBands.From(result.NpvFiscal),
            MonteCarloBands.From(result.NpvPublicValue),
            MonteCarloBands.From(result.RoiFiscal),
            MonteCarloBands.From(result.RoiPublicValue),
            result.ProbabilityNpvFiscalPositive,
            result.ProbabilityNpvPublicValuePositive);
    }
}
