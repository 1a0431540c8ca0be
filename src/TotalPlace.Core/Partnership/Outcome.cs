namespace TotalPlace.Core.Partnership;

/// <summary>A locally defined outcome the offer commits to, with its indicator, baseline and target.</summary>
/// <param name="Name">Short name, unique within the offer.</param>
/// <param name="Indicator">What is measured.</param>
/// <param name="Unit">The unit of the indicator ("people", "%", "per 1,000 population").</param>
/// <param name="Baseline">Where the indicator stands, and when; null while still unknown.</param>
/// <param name="Target">Where it should be, and by when; null while not yet set.</param>
/// <param name="MeasuredBy">Who measures and reports it.</param>
/// <param name="Partners">The partners that deliver it.</param>
public sealed record Outcome(
    string Name,
    string Indicator,
    string Unit,
    Measurement? Baseline,
    Measurement? Target,
    string MeasuredBy,
    IReadOnlyList<string> Partners);
