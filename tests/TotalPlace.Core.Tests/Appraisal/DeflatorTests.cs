using TotalPlace.Core.Appraisal;

namespace TotalPlace.Core.Tests.Appraisal;

public sealed class DeflatorTests
{
    private static readonly FiscalYear s_2015 = FiscalYear.Parse("2015-16");

    [Theory]
    [InlineData("9800", "2012-13", "10320.69")]
    [InlineData("14044", "2012-13", "14790.17")]
    [InlineData("4257", "2010-11", "4637.08")]
    public void Uprate_VectorsFromTheMethod_ToThePenny(string amount, string year, string expected)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var uprated = Deflator.UcdV14.Uprate(decimal.Parse(amount, inv), FiscalYear.Parse(year), s_2015);
        Assert.Equal(decimal.Parse(expected, inv), Samples.Pennies(uprated));
    }

    [Fact]
    public void Uprate_EveryUcdEntry_ReproducesTheWorkbooks2015To16Values()
    {
        var compared = 0;
        foreach (var entry in UnitCostDatabase.UcdV14.Entries)
        {
            foreach (var value in new[] { entry.Fiscal, entry.Economic, entry.Social })
            {
                if (value?.PublishedUprated is not { } published)
                {
                    continue;
                }

                var ours = Deflator.UcdV14.Uprate(value.Amount, value.PriceYear, s_2015);
                Assert.True(Samples.Pennies(published) == Samples.Pennies(ours),
                    $"{entry.Code}: {value.Amount} at {value.PriceYear} gives {ours}, workbook {published}");
                compared++;
            }
        }

        Assert.True(compared >= 50, $"only {compared} values compared");
    }

    [Fact]
    public void Index_YearOutsideTheSeries_ThrowsNamingTheRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Deflator.UcdV14.Index(FiscalYear.Parse("2030-31")));
        Assert.Contains("1989-90 to 2019-20", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UcdV14_MarksForecastYears() =>
        Assert.Contains(s_2015, Deflator.UcdV14.ForecastYears);
}
