namespace TotalPlace.Core.Partnership.Tracking;

/// <summary>Red, amber or green status of an outcome against its trajectory; see <see cref="OutcomeTracker"/> for the rule.</summary>
public enum Rag
{
    /// <summary>No actual recorded yet (or no baseline and target to measure against).</summary>
    NotMeasured = 0,

    /// <summary>Below 75% of the progress expected by now, or moving the wrong way.</summary>
    Red,

    /// <summary>At least 75% of the progress expected by now, but behind the trajectory.</summary>
    Amber,

    /// <summary>On or ahead of the straight-line trajectory from baseline to target.</summary>
    Green,
}
