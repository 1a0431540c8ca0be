using TotalPlace.Core;
using TotalPlace.Reports.Html;
using TotalPlace.Testing;

namespace TotalPlace.Reports.Tests;

[Trait("Issue", "10")]
public sealed class MoneyTextTests
{
    [Theory]
    [MemberData(nameof(MoneyTexts.Cases), MemberType = typeof(MoneyTexts))]
    public void Documents_PrintMoneyLikeEveryOtherHost(decimal pounds, string expected) =>
        Assert.Equal(expected, Formats.Money(Money.FromPounds(pounds)));
}
