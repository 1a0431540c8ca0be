namespace TotalPlace.Core.Counting;

/// <summary>The part of a partner's whole-body spending that counts for the place, with the basis it rests on
/// (population by default, or a share the user states with its basis).</summary>
/// <remarks>When a numerator and denominator are given the share is their exact quotient; the rounded value written in a
/// package is kept only for display, so 82,200 / 1,235,300 is applied, not 0.066543.</remarks>
public sealed record PartnerShare
{
    private PartnerShare(decimal value, decimal? numerator, decimal? denominator, string basis)
    {
        Value = value;
        Numerator = numerator;
        Denominator = denominator;
        Basis = basis;
    }

    /// <summary>A partner that serves only this place.</summary>
    public static PartnerShare Whole { get; } = new(1m, null, null, "serves only this place");

    /// <summary>The share applied, between 0 and 1.</summary>
    public decimal Value { get; }

    /// <summary>The place's measure (e.g. its population); null for a stated share.</summary>
    public decimal? Numerator { get; }

    /// <summary>The partner's whole area on the same measure; null for a stated share.</summary>
    public decimal? Denominator { get; }

    /// <summary>What the share rests on, in words.</summary>
    public string Basis { get; }

    /// <summary>A share computed from the place's measure over the partner's whole area.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The denominator is not positive, or the numerator is negative or larger.</exception>
    public static PartnerShare FromFraction(decimal numerator, decimal denominator, string basis)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(numerator, denominator);
        ArgumentException.ThrowIfNullOrWhiteSpace(basis);
        return new PartnerShare(numerator / denominator, numerator, denominator, basis.Trim());
    }

    /// <summary>A share the user states, with its basis.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0 to 1.</exception>
    public static PartnerShare Stated(decimal value, string basis)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1m);
        ArgumentException.ThrowIfNullOrWhiteSpace(basis);
        return new PartnerShare(value, null, null, basis.Trim());
    }

    /// <summary>The place's part of a whole-body amount, half-even to the penny (the one rounding every shared
    /// figure gets, so a place total is the sum of the parts shown).</summary>
    public decimal Of(decimal wholeBody) => Math.Round(wholeBody * Value, 2, MidpointRounding.ToEven);

    /// <inheritdoc/>
    public override string ToString() => Numerator is { } n && Denominator is { } d
        ? $"{Value:0.######} ({n:#,0.##} / {d:#,0.##}; {Basis})"
        : $"{Value:0.######} ({Basis})";
}
