using Npgsql;
using TotalPlace.Core.Spending;
using TotalPlace.Storage.Postgres;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Postgres;

/// <summary>A large load leaves the planner statistics current (the map's plan depends on them); a small one does not
/// pay for an ANALYZE.</summary>
public sealed class PostgresStatisticsTests(PostgresClusterFixture fixture) : IClassFixture<PostgresClusterFixture>
{
    private const string Place = "E08000003";
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CommitTransactions_ALargeBatch_AnalysesTheLinesTable()
    {
        var target = await fixture.CreateDatabaseAsync(Ct);
        await using var store = await PostgresPlaceStore.OpenAsync(target, Ct);

        await store.Spend.CommitTransactionsAsync(Header("small.csv", "aa01", 10), Lines(10), Ct);
        var afterSmall = await LastAnalyzeAsync(target);
        await store.Spend.CommitTransactionsAsync(Header("large.csv", "bb02", PostgresPlaceStore.AnalyzeAfterLines), Lines(PostgresPlaceStore.AnalyzeAfterLines), Ct);
        var afterLarge = await LastAnalyzeAsync(target);

        Assert.Null(afterSmall);
        Assert.NotNull(afterLarge);
    }

    private static BatchHeader Header(string file, string sha, int rows) => new(Place, "Manchester City Council", file, sha, rows, [], "test", s_now);

    private static IEnumerable<Transaction> Lines(int count) =>
        Enumerable.Range(1, count).Select(i => new TransactionBuilder()
            .ForAgency("Manchester City Council")
            .Paying(100m + (i % 97))
            .On(new DateOnly(2025, 4, 1).AddDays(i % 365))
            .To("Supplier " + (i % 50))
            .AtRow(i + 1)
            .Build());

    /// <summary>When spend_transaction was last analysed by an explicit ANALYZE (autovacuum's own runs are counted
    /// apart, in last_autoanalyze).</summary>
    private static async Task<DateTime?> LastAnalyzeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'spend_transaction'", connection);
        var value = await command.ExecuteScalarAsync(Ct);
        return value is DateTime at ? at : null;
    }
}
