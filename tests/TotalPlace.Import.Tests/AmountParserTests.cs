using System.Globalization;
using FsCheck.Xunit;

namespace TotalPlace.Import.Tests;

public sealed class AmountParserTests
{
    private static readonly CultureInfo s_enGb = CultureInfo.GetCultureInfo("en-GB");

    public static TheoryData<string, string> Published => new()
    {
        { "1234.56", "1234.56" },
        { "1,234.56", "1234.56" },
        { "\"1,496.00\"", "ERR" },
        { "£25,000.00", "25000.00" },
        { "  £ 1,234.56  ", "1234.56" },
        { "753,042,911.90\u00A0", "753042911.90" },
        { "\u00A0\u00A0612.50", "612.50" },
        { "$1,000", "1000" },
        { "-123.45", "-123.45" },
        { "123.45-", "-123.45" },
        { "(1,234.56)", "-1234.56" },
        { "(£12.00)", "-12.00" },
        { "-£12.00", "-12.00" },
        { "£-12.00", "-12.00" },
        { "12.00 CR", "-12.00" },
        { "12.345", "12.345" },
        { "6.82121E-13", "0.00" },
        { "1.5E+3", "1500.00" },
        { "£ -   ", "0" },
        { "0", "0" },
        { "GBP 10.00", "10.00" },
        { "Â£10.00", "10.00" },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void TryParse_PublishedStyle_ReadsTheAmount(string text, string expected)
    {
        var ok = AmountParser.TryParse(text, out var amount);

        if (expected == "ERR")
        {
            Assert.False(ok);
        }
        else
        {
            Assert.True(ok, text);
            Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), amount);
        }
    }

    [Theory]
    [InlineData("", "amount is empty")]
    [InlineData("   ", "amount is empty")]
    [InlineData("twelve", "not a number")]
    [InlineData("12,50", "groups of three")]
    [InlineData("1,2345.00", "groups of three")]
    [InlineData("--12", "not a number")]
    [InlineData("1.2.3", "not a number")]
    public void Parse_BadText_FailsWithAMessageThatStatesTheRule(string text, string expected)
    {
        var result = AmountParser.Parse(text);

        Assert.False(result.Success);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DecimalComma_ReadsEuropeanStyle()
    {
        Assert.Equal(1234.56m, AmountParser.Parse("1.234,56", decimalComma: true).Value);
        Assert.Equal(-12.5m, AmountParser.Parse("-12,5", decimalComma: true).Value);
    }

    [Fact]
    public void Parse_ScaleIsKept_SoThreeDecimalPlacesSurvive()
    {
        var value = AmountParser.Parse("1,000.125").Value;

        Assert.Equal(1000.125m, value);
        Assert.Equal(3, value.Scale);
    }

    private static decimal Pennies(long a, int b) => ((a * 7919L) + b) / 100m;

    [Property]
    public bool RoundTrip_PlainAndThousands(long a, int b)
    {
        var amount = Pennies(a, b);
        return Parses(amount.ToString("0.00", CultureInfo.InvariantCulture), amount)
            && Parses(amount.ToString("#,##0.00", CultureInfo.InvariantCulture), amount)
            && Parses(amount.ToString("N2", s_enGb), amount);
    }

    [Property]
    public bool RoundTrip_CurrencyAndPadding(long a, int b)
    {
        var amount = Pennies(a, b);
        var magnitude = Math.Abs(amount).ToString("#,##0.00", CultureInfo.InvariantCulture);
        var sign = amount < 0 ? "-" : string.Empty;
        return Parses(amount.ToString("C2", s_enGb), amount)
            && Parses($"{sign}£{magnitude}", amount)
            && Parses($"£{sign}{magnitude}", amount)
            && Parses($"\u00A0 {sign}${magnitude}\u00A0", amount)
            && Parses($"  {sign}{magnitude}  ", amount);
    }

    [Property]
    public bool RoundTrip_NegativeConventions(long a, int b)
    {
        var amount = -Math.Abs(Pennies(a, b));
        var magnitude = Math.Abs(amount).ToString("#,##0.00", CultureInfo.InvariantCulture);
        return Parses($"({magnitude})", amount)
            && Parses($"{magnitude}-", amount)
            && Parses($"(£{magnitude})", amount)
            && Parses($"{magnitude} CR", amount);
    }

    [Property]
    public bool RoundTrip_ThreeDecimalPlaces(long a, int b)
    {
        var amount = ((a * 7919L) + b) / 1000m;
        return Parses(amount.ToString("#,##0.000", CultureInfo.InvariantCulture), amount);
    }

    [Property]
    public bool RoundTrip_ScientificNotationRoundsToThePenny(int mantissa, byte exponent)
    {
        var value = mantissa / 100m;
        var e = exponent % 7;
        var text = string.Create(CultureInfo.InvariantCulture, $"{value / Pow10(e)}E+{e}");
        return Parses(text, Math.Round(value, 2, MidpointRounding.ToEven));
    }

    private static decimal Pow10(int e)
    {
        var p = 1m;
        for (var i = 0; i < e; i++)
        {
            p *= 10m;
        }

        return p;
    }

    private static bool Parses(string text, decimal expected) =>
        AmountParser.TryParse(text, out var parsed) && parsed == expected;
}
