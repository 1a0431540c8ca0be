using System.Globalization;

namespace TotalPlace.Application.Waste;

/// <summary>Where a waste run is: its phase, the lines read so far out of the place's lines, and the share of the
/// run done (phases weighted by their share of a measured run: reading is the longest).</summary>
/// <param name="Phase">What the run is doing, e.g. "Reading lines" or "Finding duplicate payments".</param>
/// <param name="Fraction">From 0 to 1.</param>
/// <param name="LinesRead">Lines read from the store so far.</param>
/// <param name="LinesTotal">The place's lines, counted before reading.</param>
public sealed record WasteRunProgress(string Phase, double Fraction, long LinesRead, long LinesTotal)
{
    /// <summary>One line for a person: "Reading lines: 120,000 of 1,000,000" or "Finding duplicate payments (1,000,000 lines)".</summary>
    public string Message => Phase == RunWasteAnalysis.ReadingPhase
        ? string.Format(CultureInfo.GetCultureInfo("en-GB"), "{0}: {1:N0} of {2:N0}", Phase, LinesRead, LinesTotal)
        : string.Format(CultureInfo.GetCultureInfo("en-GB"), "{0} ({1:N0} lines)", Phase, LinesRead);
}
