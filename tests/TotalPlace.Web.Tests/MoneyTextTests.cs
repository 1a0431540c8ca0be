using TotalPlace.Testing;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Tests;

[Trait("Issue", "10")]
public sealed class MoneyTextTests
{
    [Theory]
    [MemberData(nameof(MoneyTexts.Cases), MemberType = typeof(MoneyTexts))]
    public void PageCells_PrintMoneyLikeEveryOtherHost(decimal pounds, string expected)
    {
        Assert.Equal(expected, CellFormat.Display(pounds, CellKind.Money));
        Assert.Equal(expected, CellFormat.PerHead(pounds));
        Assert.Equal(expected.Replace("£", "", StringComparison.Ordinal), CellFormat.Display(pounds, CellKind.Number));
    }
}
