using TotalPlace.Core;
using TotalPlace.Storage.DuckDb;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests;

/// <summary>Money through the store's DECIMAL(18,4) column and back, after Npgsql's NumericTests: a named table of
/// values that must come back exactly, one by one and summed.</summary>
public sealed class MoneyRoundTripTests(DuckDbFileFixture fixture) : IClassFixture<DuckDbFileFixture>
{
    /// <summary>Label, amount. Midpoints on even and odd pennies must come back unrounded: the store never rounds.</summary>
    public static readonly TheoryData<string, decimal> Amounts = new()
    {
        { "one penny", 0.01m },
        { "a refund of one penny", -0.01m },
        { "zero", 0m },
        { "three decimal places (published by some bodies)", 612.505m },
        { "half a penny, even penny below", 2.125m },
        { "half a penny, odd penny below", 2.135m },
        { "four decimal places", 0.0001m },
        { "a typical invoice", 1_496.00m },
        { "a credit note", -45_000.10m },
        { "above £10bn (a year of state pension in a region)", 12_345_678_901.23m },
        { "the largest line the column holds", 99_999_999_999_999.9999m },
        { "the most negative line the column holds", -99_999_999_999_999.9999m },
        { "NHSBSA pharmacy payment, Nov 2013 sample", 753_045_621.87m },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Amounts))]
    public async Task Amount_RoundTripsThroughTheStoreExactly(string label, decimal amount)
    {
        await using var store = await fixture.CreateStoreAsync(Ct);

        await store.Spend.CommitTransactionsAsync(Headers.For("E08000003", "Council", label), [new TransactionBuilder().Paying(amount).Build()], Ct);

        var row = Assert.Single((await store.Spend.QueryTransactionsAsync(new TransactionQuery("E08000003"), Ct)).Items);
        Assert.Equal(amount, row.Amount);
        Assert.Equal(amount, (await store.Spend.MapAsync(new MapQuery("E08000003", [MapDimension.Theme], Source: MapSource.Transactions), Ct)).Total);
        Assert.Equal(amount, Assert.Single(await store.Spend.ListBatchesAsync(cancellationToken: Ct)).Total);
    }

    [Fact]
    public async Task Sum_OfEveryAmountInTheTable_IsExactInOneBatch()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var amounts = Amounts.Select(row => row.Data.Item2).ToList();

        var result = await store.Spend.CommitTransactionsAsync(
            Headers.For("E08000003", "Council", "all"),
            amounts.Select((a, i) => new TransactionBuilder().Paying(a).AtRow(i + 2).Build()),
            Ct);

        Assert.Equal(amounts.Sum(), result.Batch.Total);
        Assert.Equal(amounts.Sum(), (await store.Spend.MapAsync(new MapQuery("E08000003", [], Source: MapSource.Transactions), Ct)).Total);
        Assert.Equal(Money.Sum(amounts.Select(Money.FromPounds)).Pounds, result.Batch.Total);
    }

    [Theory]
    [InlineData(0.00001)]
    [InlineData(100_000_000_000_000)]
    [InlineData(-100_000_000_000_000)]
    public async Task Amount_BeyondTheColumn_IsRefusedNotRounded(double value)
    {
        await using var store = await fixture.CreateStoreAsync(Ct);

        await Assert.ThrowsAsync<PlaceStoreException>(() =>
            store.Spend.CommitTransactionsAsync(Headers.For("E08000003", "Council", "x"), [new TransactionBuilder().Paying((decimal)value).Build()], Ct));

        Assert.Empty(await store.Spend.ListBatchesAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Store_IsADuckDbFileThatSurvivesReopening()
    {
        var path = fixture.NewPath();
        await using (var store = await DuckDbPlaceStore.OpenAsync(path, Ct))
        {
            await store.Spend.CommitTransactionsAsync(Headers.For("E08000003", "Council", "persist"), [new TransactionBuilder().Paying(12_345_678_901.2345m).Build()], Ct);
        }

        await using var reopened = await DuckDbPlaceStore.OpenAsync(path, Ct);
        Assert.Equal(12_345_678_901.2345m, (await reopened.Spend.MapAsync(new MapQuery("E08000003", [], Source: MapSource.Transactions), Ct)).Total);
    }
}
