namespace TotalPlace.Core.Appraisal.Uncertainty;

/// <summary>The outcome of a Monte Carlo run: bands of each output and the chance that each NPV is positive.</summary>
public sealed record MonteCarloResult
{
    /// <summary>Iterations run.</summary>
    public required int Iterations { get; init; }

    /// <summary>The seed; the same seed and inputs give the same result on any number of cores.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The inputs that varied.</summary>
    public required IReadOnlyList<UncertainInput> Inputs { get; init; }

    /// <summary>PV costs.</summary>
    public required Bands PvCosts { get; init; }

    /// <summary>Fiscal NPV.</summary>
    public required Bands NpvFiscal { get; init; }

    /// <summary>Public-value NPV.</summary>
    public required Bands NpvPublicValue { get; init; }

    /// <summary>Fiscal ROI.</summary>
    public required Bands RoiFiscal { get; init; }

    /// <summary>Public-value ROI.</summary>
    public required Bands RoiPublicValue { get; init; }

    /// <summary>How the fiscal NPV's draws spread, for the distribution chart.</summary>
    public Histogram NpvFiscalHistogram { get; init; } = Histogram.Of([]);

    /// <summary>Share of iterations with fiscal NPV &gt; 0.</summary>
    public required double ProbabilityNpvFiscalPositive { get; init; }

    /// <summary>Share of iterations with public-value NPV &gt; 0.</summary>
    public required double ProbabilityNpvPublicValuePositive { get; init; }
}
