using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace TotalPlace.Core.Tests;

public class MoneyTests
{
    [Theory]
    [InlineData("1234.56", "£1,234.56")]
    [InlineData("-12", "-£12.00")]
    [InlineData("0.125", "£0.12")]
    [InlineData("0.135", "£0.14")]
    [InlineData("22000000000", "£22,000,000,000.00")]
    public void ToString_is_en_GB_currency_rounded_half_even(string pounds, string expected) =>
        Assert.Equal(expected, Money.FromPounds(decimal.Parse(pounds, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Fact]
    public void Default_is_zero() => Assert.Equal(Money.Zero, default);

    [Property]
    public Property Adding_then_subtracting_gives_back_the_original() =>
        Prop.ForAll(ArbPence(), ArbPence(), (a, b) =>
        {
            var x = Money.FromPence(a);
            var y = Money.FromPence(b);
            return x + y - y == x;
        });

    [Property]
    public Property Sum_does_not_depend_on_order() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(-1_000_000, 1_000_000)).ToArbitrary(), pence =>
        {
            var amounts = pence.Select(p => Money.FromPence(p)).ToList();
            var reversed = Enumerable.Reverse(amounts);
            return Money.Sum(amounts) == Money.Sum(reversed);
        });

    private static Arbitrary<long> ArbPence() =>
        Gen.Choose(int.MinValue, int.MaxValue).Select(i => (long)i * 1000).ToArbitrary();
}
