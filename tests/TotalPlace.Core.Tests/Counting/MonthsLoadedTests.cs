using FsCheck.Xunit;
using TotalPlace.Core.Counting;

namespace TotalPlace.Core.Tests.Counting;

[Trait("Issue", "12")]
public sealed class MonthsLoadedTests
{
    private static readonly FiscalYear Year = FiscalYear.Parse("2023-24");

    [Fact]
    public void OneMonth_IsNeverShownAsAYear()
    {
        var months = MonthsLoaded.From(Year, [new DateOnly(2023, 5, 1)]);

        Assert.False(months.IsWholeYear);
        Assert.Equal("1 of 12 months (May 2023); missing Apr 2023, Jun 2023 – Mar 2024", months.ToString());
    }

    [Fact]
    public void MonthsOutsideTheYear_AreNotCounted()
    {
        var months = MonthsLoaded.From(Year, [new DateOnly(2023, 3, 14), new DateOnly(2024, 4, 2), new DateOnly(2023, 4, 30)]);

        Assert.Equal([new DateOnly(2023, 4, 1)], months.Months);
    }

    [Fact]
    public void Overlap_NamesTheMonthsBothHold()
    {
        var loaded = MonthsLoaded.From(Year, [new DateOnly(2023, 4, 1), new DateOnly(2023, 5, 1)]);
        var incoming = MonthsLoaded.From(Year, [new DateOnly(2023, 5, 9), new DateOnly(2023, 6, 1)]);

        Assert.Equal([new DateOnly(2023, 5, 1)], incoming.Overlap(loaded));
        Assert.Empty(MonthsLoaded.From(Year, [new DateOnly(2023, 7, 1)]).Overlap(loaded));
    }

    [Property]
    public bool MonthsAndMissing_PartitionTheYear(int mask)
    {
        var chosen = Enumerable.Range(0, 12).Where(i => (mask >> i & 1) == 1).Select(i => Year.Start.AddMonths(i)).ToList();
        var months = MonthsLoaded.From(Year, chosen);
        return months.Count == chosen.Count
            && months.Months.Concat(months.Missing).Order().SequenceEqual(Enumerable.Range(0, 12).Select(i => Year.Start.AddMonths(i)))
            && months.IsWholeYear == (chosen.Count == 12)
            && months.Plus(months).Count == months.Count
            && months.Overlap(months).Count == months.Count;
    }
}
