namespace TotalPlace.Core.Appraisal.Uncertainty;

/// <summary>The shapes an uncertain input can take (JSON <c>distribution</c>).</summary>
public enum DistributionKind
{
    /// <summary>Always the base value.</summary>
    Fixed,

    /// <summary>Uniform between low and high.</summary>
    Uniform,

    /// <summary>Triangular with low, mode, high.</summary>
    Triangular,

    /// <summary>PERT (scaled beta, λ = 4) with low, mode, high.</summary>
    Pert,

    /// <summary>Normal with mean and standard deviation, truncated to [low, high].</summary>
    Normal,
}
