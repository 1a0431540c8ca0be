namespace TotalPlace.Core.Partnership.Tracking;

/// <summary>Where one outcome stands on a report date.</summary>
/// <param name="Outcome">The outcome.</param>
/// <param name="Latest">The latest actual recorded on or before the report date; null when none.</param>
/// <param name="Progress">How far the latest actual has moved from baseline to target (0 = at baseline, 1 = target met); null when not measured.</param>
/// <param name="Expected">How far it should have moved by the report date on a straight line from baseline date to target date (0 to 1).</param>
/// <param name="Status">The RAG status under <see cref="OutcomeTracker"/>'s rule.</param>
public sealed record OutcomeProgress(Outcome Outcome, OutcomeActual? Latest, decimal? Progress, decimal Expected, Rag Status);
