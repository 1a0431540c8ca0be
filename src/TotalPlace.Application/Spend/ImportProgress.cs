namespace TotalPlace.Application.Spend;

/// <summary>How far an import has gone.</summary>
/// <param name="Fraction">From 0 to 1.</param>
/// <param name="Stage">What it is doing, for a person to read.</param>
public readonly record struct ImportProgress(double Fraction, string Stage);
