using TotalPlace.Core.Appraisal.Uncertainty;

namespace TotalPlace.Application.Appraisal;

/// <summary>P10, P50 and P90 and the mean of one simulated output; null where it is not a number (an ROI with no
/// costs), since JSON has no NaN.</summary>
public sealed record MonteCarloBands(double? P10, double? P50, double? P90, double? Mean)
{
    public static MonteCarloBands From(Bands bands) =>
        new(Finite(bands.P10), Finite(bands.P50), Finite(bands.P90), Finite(bands.Mean));

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
