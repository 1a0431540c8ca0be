namespace TotalPlace.Core;

/// <summary>
/// An amount of money in pounds at the prices of a stated financial year (real terms).
/// </summary>
/// <remarks>
/// <para>Real amounts in different price bases cannot be added or compared: doing so almost always indicates a
/// bug, so the operators throw <see cref="ArgumentException"/>. Convert with a deflator first.</para>
/// <para>The default value is £0 at the default <see cref="FiscalYear"/>, which is never a real price base.</para>
/// </remarks>
/// <param name="Pounds">The amount in pounds at <paramref name="PriceBase"/> prices.</param>
/// <param name="PriceBase">The financial year whose prices the amount is expressed in.</param>
public readonly record struct RealMoney(decimal Pounds, FiscalYear PriceBase) : IComparable<RealMoney>
{
    public static RealMoney operator +(RealMoney left, RealMoney right)
    {
        RequireSameBase(left, right);
        return left with { Pounds = left.Pounds + right.Pounds };
    }

    public static RealMoney operator -(RealMoney left, RealMoney right)
    {
        RequireSameBase(left, right);
        return left with { Pounds = left.Pounds - right.Pounds };
    }

    public static RealMoney operator *(RealMoney left, decimal right) => left with { Pounds = left.Pounds * right };

    public static bool operator <(RealMoney left, RealMoney right) => left.CompareTo(right) < 0;

    public static bool operator >(RealMoney left, RealMoney right) => left.CompareTo(right) > 0;

    public static bool operator <=(RealMoney left, RealMoney right) => left.CompareTo(right) <= 0;

    public static bool operator >=(RealMoney left, RealMoney right) => left.CompareTo(right) >= 0;

    public static RealMoney Add(RealMoney left, RealMoney right) => left + right;

    public static RealMoney Subtract(RealMoney left, RealMoney right) => left - right;

    public static RealMoney Multiply(RealMoney left, decimal right) => left * right;

    /// <inheritdoc/>
    public int CompareTo(RealMoney other)
    {
        RequireSameBase(this, other);
        return Pounds.CompareTo(other.Pounds);
    }

    /// <summary>The amount as plain cash, dropping the price base (for display beside nominal figures).</summary>
    public Money ToMoney() => Money.FromPounds(Pounds);

    /// <summary>Formats as "£1,234.56 (2015-16 prices)".</summary>
    public override string ToString() => $"{Money.FromPounds(Pounds)} ({PriceBase} prices)";

    private static void RequireSameBase(RealMoney left, RealMoney right)
    {
        if (left.PriceBase != right.PriceBase)
        {
            throw new ArgumentException(
                $"price bases {left.PriceBase} and {right.PriceBase} differ; deflate first");
        }
    }
}
