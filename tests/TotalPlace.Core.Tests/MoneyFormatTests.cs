using System.Globalization;
using FsCheck.Xunit;
using TotalPlace.Testing;

namespace TotalPlace.Core.Tests;

[Trait("Issue", "10")]
public sealed class MoneyFormatTests
{
    [Theory]
    [MemberData(nameof(MoneyTexts.Cases), MemberType = typeof(MoneyTexts))]
    public void Pounds_AndMoneyToString_PrintTheSameFigureTheSameWay(decimal pounds, string expected)
    {
        Assert.Equal(expected, MoneyFormat.Pounds(pounds));
        Assert.Equal(expected, Money.FromPounds(pounds).ToString());
        Assert.Equal(expected.Replace("£", "", StringComparison.Ordinal), MoneyFormat.Amount(pounds));
    }

    [Property]
    public void Pounds_ReadsBackAsTheValueRoundedHalfToEvenToThePenny(long thousandths)
    {
        // Given a value with three decimal places, so midpoints come up often
        var pounds = thousandths / 1000m;

        // When
        var text = MoneyFormat.Pounds(pounds);

        // Then
        var read = decimal.Parse(text, NumberStyles.Currency, CultureInfo.GetCultureInfo("en-GB"));
        Assert.Equal(Math.Round(pounds, 2, MidpointRounding.ToEven), read);
    }

    [Theory]
    [InlineData(22_104_560_000.5, "£22,104,560,000")]
    [InlineData(22_104_560_001.5, "£22,104,560,002")]
    [InlineData(-0.4, "£0")]
    public void WholePounds_RoundsHalfToEvenToThePound(decimal pounds, string expected) =>
        Assert.Equal(expected, MoneyFormat.WholePounds(pounds));
}
