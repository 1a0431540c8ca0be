using System.Globalization;
using FsCheck.Xunit;

namespace TotalPlace.Import.Tests;

public sealed class DateParserTests
{
    [Theory]
    [InlineData("03/04/2024", 2024, 4, 3)]
    [InlineData("3/4/24", 2024, 4, 3)]
    [InlineData("03-04-2024", 2024, 4, 3)]
    [InlineData("03.04.2024", 2024, 4, 3)]
    [InlineData("05-Apr-12", 2012, 4, 5)]
    [InlineData("5 April 2012", 2012, 4, 5)]
    [InlineData("05-SEPT-2019", 2019, 9, 5)]
    [InlineData("2024-04-03", 2024, 4, 3)]
    [InlineData("2024-04-03T00:00:00", 2024, 4, 3)]
    [InlineData("2024-04-03 13:45:10.000", 2024, 4, 3)]
    [InlineData("03/04/2024 00:00", 2024, 4, 3)]
    [InlineData("20240403", 2024, 4, 3)]
    [InlineData("45385", 2024, 4, 3)]
    [InlineData("45385.5", 2024, 4, 3)]
    [InlineData("  29/02/2024 ", 2024, 2, 29)]
    [InlineData("1/1/99", 1999, 1, 1)]
    public void Parse_PublishedStyle_ReadsTheDate(string text, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), DateParser.Parse(text).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("31/02/2024")]
    [InlineData("13/13/2024")]
    [InlineData("yesterday")]
    [InlineData("2024-13-01")]
    [InlineData("03/04")]
    public void Parse_NotADate_Fails(string text)
    {
        var result = DateParser.Parse(text);

        Assert.False(result.Success);
        Assert.Contains("date", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("13/04/2024", DateShape.DayFirstOnly)]
    [InlineData("04/13/2024", DateShape.MonthFirstOnly)]
    [InlineData("03/04/2024", DateShape.Ambiguous)]
    [InlineData("04/04/2024", DateShape.Unambiguous)]
    [InlineData("2024-04-03", DateShape.Unambiguous)]
    [InlineData("03-Apr-24", DateShape.Unambiguous)]
    [InlineData("", DateShape.Empty)]
    [InlineData("n/a", DateShape.Invalid)]
    public void Classify_Date_SaysWhatItTellsAboutTheOrder(string text, DateShape expected)
    {
        Assert.Equal(expected, DateParser.Classify(text));
    }

    [Fact]
    public void Parse_MonthFirst_ReadsUsDates()
    {
        Assert.Equal(new DateOnly(2024, 3, 4), DateParser.Parse("03/04/2024", DateOrder.MonthFirst).Value);
    }

    private static DateOnly Day(int n) => new DateOnly(1960, 1, 1).AddDays(Math.Abs(n % 40000));

    [Property]
    public bool RoundTrip_EveryPublishedFormat(int n)
    {
        var date = Day(n);
        var inv = CultureInfo.InvariantCulture;
        var serial = date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;
        return Parses(date.ToString("dd/MM/yyyy", inv), DateOrder.DayFirst, date)
            && Parses(date.ToString("d/M/yy", inv), DateOrder.DayFirst, Cent(date))
            && Parses(date.ToString("dd-MMM-yy", inv), DateOrder.DayFirst, Cent(date))
            && Parses(date.ToString("d MMMM yyyy", inv), DateOrder.DayFirst, date)
            && Parses(date.ToString("yyyy-MM-dd", inv) + "T00:00:00", DateOrder.DayFirst, date)
            && Parses(serial.ToString(inv), DateOrder.DayFirst, date)
            && Parses(date.ToString("MM/dd/yyyy", inv), DateOrder.MonthFirst, date);
    }

    [Property]
    public bool Classify_DayFirstDateWithDayAbove12_IsNeverMonthFirst(int n)
    {
        var date = Day(n);
        var shape = DateParser.Classify(date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        return date.Day > 12 ? shape == DateShape.DayFirstOnly : shape is DateShape.Ambiguous or DateShape.Unambiguous;
    }

    // Two-digit years read 00-49 as 2000s and 50-99 as 1900s.
    private static DateOnly Cent(DateOnly date)
    {
        var yy = date.Year % 100;
        var year = yy < 50 ? 2000 + yy : 1900 + yy;
        return new DateOnly(year, date.Month, Math.Min(date.Day, DateTime.DaysInMonth(year, date.Month)));
    }

    private static bool Parses(string text, DateOrder order, DateOnly expected) =>
        DateParser.TryParse(text, order, out var parsed) && parsed == expected;
}
