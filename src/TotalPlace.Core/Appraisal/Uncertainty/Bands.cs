namespace TotalPlace.Core.Appraisal.Uncertainty;

/// <summary>Simulation statistics of one output: percentiles and mean (pounds, or £ per £1 for ROIs).</summary>
/// <remarks>Simulation statistics are doubles: see <see cref="MonteCarlo"/>.</remarks>
/// <param name="P10">10th percentile (linear interpolation between order statistics).</param>
/// <param name="P50">Median.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="Mean">Mean.</param>
public readonly record struct Bands(double P10, double P50, double P90, double Mean);
