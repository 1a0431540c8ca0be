namespace TotalPlace.Core.Partnership;

/// <summary>A recorded value of an outcome's indicator during delivery.</summary>
/// <param name="Outcome">The outcome's name.</param>
/// <param name="Value">The measured value.</param>
/// <param name="Date">When it was measured.</param>
public sealed record OutcomeActual(string Outcome, decimal Value, DateOnly Date);
