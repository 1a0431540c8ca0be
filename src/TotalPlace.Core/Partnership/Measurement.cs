namespace TotalPlace.Core.Partnership;

/// <summary>A value of an outcome indicator on a date (a baseline, a target or an actual).</summary>
/// <param name="Value">The value in the outcome's unit.</param>
/// <param name="Date">When it was (or is to be) measured.</param>
public sealed record Measurement(decimal Value, DateOnly Date);
