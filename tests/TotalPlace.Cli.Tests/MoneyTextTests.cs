using TotalPlace.Cli.Infrastructure;
using TotalPlace.Testing;

namespace TotalPlace.Cli.Tests;

[Trait("Issue", "10")]
public sealed class MoneyTextTests
{
    [Theory]
    [MemberData(nameof(MoneyTexts.Cases), MemberType = typeof(MoneyTexts))]
    public void TableCells_PrintMoneyLikeEveryOtherHost(decimal pounds, string expected)
    {
        Assert.Equal(expected, Formats.Money(pounds));
        Assert.Equal(expected, Formats.ForTable(pounds, ColumnKind.Money));
    }
}
