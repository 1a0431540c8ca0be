using Xunit;

namespace TotalPlace.Testing;

/// <summary>Value-type laws in one line, after NodaTime's <c>TestHelper.TestEqualsStruct</c>.</summary>
public static class ValueLaws
{
    /// <summary>Checks reflexivity, symmetry, hash consistency and the == / != operators where defined.</summary>
    /// <param name="value">A value.</param>
    /// <param name="equalValue">A different instance equal to <paramref name="value"/>.</param>
    /// <param name="unequalValues">Values that differ from <paramref name="value"/>.</param>
    public static void Equality<T>(T value, T equalValue, params T[] unequalValues)
        where T : IEquatable<T>
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(equalValue);
        Assert.True(value.Equals(value), "a value equals itself");
        Assert.True(value.Equals(equalValue), "a value equals an equal value");
        Assert.True(equalValue.Equals(value), "equality is symmetric");
        Assert.True(value.Equals((object)equalValue), "object.Equals agrees with IEquatable");
        Assert.Equal(value.GetHashCode(), equalValue.GetHashCode());
        Assert.False(value.Equals((object?)null), "a value never equals null");
        var op = typeof(T).GetMethod("op_Equality", [typeof(T), typeof(T)]);
        if (op is not null)
        {
            Assert.True((bool)op.Invoke(null, [value, equalValue])!, "== agrees with Equals");
        }

        foreach (var unequal in unequalValues)
        {
            Assert.False(value.Equals(unequal), $"{value} should differ from {unequal}");
            Assert.False(unequal.Equals(value), "inequality is symmetric");
            if (op is not null)
            {
                Assert.False((bool)op.Invoke(null, [value, unequal])!, "== agrees with Equals");
            }
        }
    }
}
