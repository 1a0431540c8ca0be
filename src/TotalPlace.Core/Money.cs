namespace TotalPlace.Core;

/// <summary>
/// An amount of money in pounds sterling (GBP), held exactly as a <see cref="decimal"/>.
/// </summary>
/// <remarks>
/// <para>The default value of this type is <see cref="Zero"/>.</para>
/// <para>Money carries no price base: it is a cash (nominal) amount as published or paid. Real-terms figures are
/// restated by <see cref="Deflator.Uprate"/> within one deflator series. Arithmetic is exact; nothing is
/// rounded until it is displayed, and display rounds to the penny using banker's rounding (half to even).</para>
/// </remarks>
public readonly record struct Money : IComparable<Money>
{

    /// <summary>No money: £0.00. This is also the default value.</summary>
    public static readonly Money Zero;

    private readonly decimal _pounds;

    private Money(decimal pounds) => _pounds = pounds;

    /// <summary>The amount in pounds, unrounded.</summary>
    public decimal Pounds => _pounds;

    /// <summary>Creates an amount from pounds (any number of decimal places; nothing is rounded).</summary>
    public static Money FromPounds(decimal pounds) => new(pounds);

    /// <summary>Creates an amount from a whole number of pence.</summary>
    public static Money FromPence(long pence) => new(pence / 100m);

    /// <summary>Adds up a sequence of amounts exactly; the order does not matter.</summary>
    public static Money Sum(IEnumerable<Money> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var total = 0m;
        foreach (var amount in amounts)
        {
            total += amount._pounds;
        }

        return new Money(total);
    }

    /// <summary>The amount rounded to the penny, half to even (the display rule).</summary>
    public Money RoundedToPenny() => new(Math.Round(_pounds, 2, MidpointRounding.ToEven));

    /// <summary>True when the amount is below zero (a credit note or refund).</summary>
    public bool IsNegative => _pounds < 0m;

    public static Money operator +(Money left, Money right) => new(left._pounds + right._pounds);

    public static Money operator -(Money left, Money right) => new(left._pounds - right._pounds);

    public static Money operator -(Money value) => new(-value._pounds);

    public static Money operator *(Money left, decimal right) => new(left._pounds * right);

    public static Money operator *(decimal left, Money right) => new(left * right._pounds);

    public static Money operator /(Money left, decimal right) => new(left._pounds / right);

    public static bool operator <(Money left, Money right) => left._pounds < right._pounds;

    public static bool operator >(Money left, Money right) => left._pounds > right._pounds;

    public static bool operator <=(Money left, Money right) => left._pounds <= right._pounds;

    public static bool operator >=(Money left, Money right) => left._pounds >= right._pounds;

    public static Money Add(Money left, Money right) => left + right;

    public static Money Subtract(Money left, Money right) => left - right;

    public static Money Multiply(Money left, decimal right) => left * right;

    public static Money Divide(Money left, decimal right) => left / right;

    public static Money Negate(Money value) => -value;

    /// <inheritdoc/>
    public int CompareTo(Money other) => _pounds.CompareTo(other._pounds);

    /// <summary>Formats as en-GB currency to the penny, e.g. "£1,234.56" or "-£12.00".</summary>
    public override string ToString() => MoneyFormat.Pounds(_pounds);
}
