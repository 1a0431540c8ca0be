using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace TotalPlace.Core.Tests;

public class FiscalYearTests
{
    [Theory]
    [InlineData("2009-10", 2009)]
    [InlineData("2024/25", 2024)]
    [InlineData("1999-2000", 1999)]
    [InlineData("FY2015-16", 2015)]
    public void Parse_accepts_the_written_forms(string text, int startYear) =>
        Assert.Equal(FiscalYear.StartingIn(startYear), FiscalYear.Parse(text));

    [Theory]
    [InlineData("2009-11")]
    [InlineData("209-10")]
    [InlineData("")]
    [InlineData("2009")]
    public void Parse_rejects_years_that_are_not_consecutive_or_malformed(string text) =>
        Assert.False(FiscalYear.TryParse(text, out _));

    [Fact]
    public void The_year_runs_from_1_April_to_31_March_inclusive()
    {
        var year = FiscalYear.Parse("2024-25");
        Assert.Equal(new DateOnly(2024, 4, 1), year.Start);
        Assert.Equal(new DateOnly(2025, 3, 31), year.End);
        Assert.Equal(year, FiscalYear.Containing(new DateOnly(2025, 3, 31)));
        Assert.Equal(year.Next, FiscalYear.Containing(new DateOnly(2025, 4, 1)));
    }

    [Property]
    public Property Parse_and_format_round_trip() =>
        Prop.ForAll(Gen.Choose(FiscalYear.MinStartYear, FiscalYear.MaxStartYear).ToArbitrary(), start =>
        {
            var year = FiscalYear.StartingIn(start);
            return FiscalYear.Parse(year.ToString()) == year;
        });

    [Property]
    public Property The_year_containing_a_date_contains_it() =>
        Prop.ForAll(Gen.Choose(0, 365 * 150).ToArbitrary(), offset =>
        {
            var date = new DateOnly(1950, 1, 1).AddDays(offset);
            return FiscalYear.Containing(date).Contains(date);
        });
}
