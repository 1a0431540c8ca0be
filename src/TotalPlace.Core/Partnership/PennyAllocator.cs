using System.Numerics;

namespace TotalPlace.Core.Partnership;

/// <summary>
/// Splits an amount of money into shares by weight, to the penny, so the shares always add back to the amount.
/// </summary>
/// <remarks>
/// <para>The method is the largest-remainder (Hamilton) method on whole pence: each share first gets the whole
/// pence of its exact quota, then the pence left over go one each to the shares with the largest fractional
/// remainders; equal remainders are broken by position (earlier first), so the result is deterministic.</para>
/// <para>The arithmetic is exact: weights are scaled to integers and quotas computed with
/// <see cref="BigInteger"/>, so no rounding in a division can make the pennies fail to reconcile. Increasing one
/// weight while the others stay the same never lowers that share (a raised quota can only lose its leftover
/// penny to shares whose whole pence fell, and each such fall frees one more penny).</para>
/// </remarks>
public static class PennyAllocator
{
    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/>.</summary>
    /// <param name="total">The amount; it is first rounded to the penny, half to even.</param>
    /// <param name="weights">Non-negative weights, at least one above zero.</param>
    /// <returns>One share per weight, in the same order, each a whole number of pence, adding up to the rounded total.</returns>
    /// <exception cref="ArgumentException">There are no weights, a weight is negative, or all weights are zero.</exception>
    public static IReadOnlyList<Money> Allocate(Money total, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0)
        {
            throw new ArgumentException("At least one weight is needed to allocate money.", nameof(weights));
        }

        var scale = 0;
        foreach (var w in weights)
        {
            if (w < 0m)
            {
                throw new ArgumentException($"Weights must not be negative; found {w}.", nameof(weights));
            }

            scale = Math.Max(scale, w.Scale);
        }

        var scaled = weights.Select(w => ToScaledInteger(w, scale)).ToArray();
        var weightTotal = scaled.Aggregate(BigInteger.Zero, (a, b) => a + b);
        if (weightTotal.IsZero)
        {
            throw new ArgumentException("At least one weight must be above zero to allocate money.", nameof(weights));
        }

        var pence = new BigInteger(total.RoundedToPenny().Pounds * 100m);
        var sign = pence.Sign < 0 ? -1 : 1;
        var magnitude = BigInteger.Abs(pence);

        var shares = new BigInteger[scaled.Length];
        var remainders = new BigInteger[scaled.Length];
        var allocated = BigInteger.Zero;
        for (var i = 0; i < scaled.Length; i++)
        {
            shares[i] = BigInteger.DivRem(magnitude * scaled[i], weightTotal, out remainders[i]);
            allocated += shares[i];
        }

        var left = (int)(magnitude - allocated);
        if (left > 0)
        {
            var order = Enumerable.Range(0, scaled.Length)
                .OrderByDescending(i => remainders[i])
                .ThenBy(i => i)
                .Take(left);
            foreach (var i in order)
            {
                shares[i] += 1;
            }
        }

        // Multiplying by 0.01m (not dividing by 100) keeps two decimal places, so CSV shows 2544000.00, not 2544000.
        return shares.Select(s => Money.FromPounds((long)(s * sign) * 0.01m)).ToList();
    }

    private static BigInteger ToScaledInteger(decimal weight, int scale)
    {
        // A decimal is a 96-bit integer over a power of ten; lift that integer to the common scale exactly.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(weight, bits);
        var mantissa = new BigInteger(unchecked((uint)bits[0]))
            | (new BigInteger(unchecked((uint)bits[1])) << 32)
            | (new BigInteger(unchecked((uint)bits[2])) << 64);
        return mantissa * BigInteger.Pow(10, scale - weight.Scale);
    }
}
