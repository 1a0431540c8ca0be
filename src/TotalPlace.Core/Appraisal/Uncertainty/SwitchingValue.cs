namespace TotalPlace.Core.Appraisal.Uncertainty;

/// <summary>The value of one input at which fiscal NPV is zero, the others at base.</summary>
/// <param name="Path">The input.</param>
/// <param name="Base">Its base value.</param>
/// <param name="Value">The switching value, or null when no value in the input's valid range makes NPV zero.</param>
public sealed record SwitchingValue(string Path, decimal Base, decimal? Value)
{
    /// <summary>The change from base as a share of base (−0.25 = a 25% fall), when both exist and base ≠ 0.</summary>
    public decimal? Change => Value is { } v && Base != 0m ? (v - Base) / Base : null;
}
