using Npgsql;
using TotalPlace.Storage.Audit;
using TotalPlace.Storage.Postgres;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Audit;

/// <summary>The audit contract on the PostgreSQL engine, plus the server-side guard that keeps the trail append-only.</summary>
public sealed class PostgresAuditTests(PostgresClusterFixture fixture) : AuditContract<PostgresClusterFixture>(fixture), IClassFixture<PostgresClusterFixture>
{
    protected override async Task<(IPlaceStore Store, Func<string, Task> Sql)> OpenWithSqlAsync()
    {
        // Creating a fixture store first skips the test, as the contract does, when PostgreSQL is not installed.
        await (await Fixture.CreateStoreAsync(Ct)).DisposeAsync();
        var database = "audit_" + Guid.NewGuid().ToString("N");
        await Sql(Fixture.AdminConnectionString, $"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(Fixture.AdminConnectionString) { Database = database }.ConnectionString;
        var store = await PostgresPlaceStore.OpenAsync(connectionString, Ct);
        return (store, sql => Sql(connectionString, sql));
    }

    [Theory]
    [InlineData("UPDATE audit_log SET actor = 'mallory'")]
    [InlineData("DELETE FROM audit_log")]
    [InlineData("TRUNCATE audit_log")]
    public async Task AuditLog_RewritingHistory_IsRefusedByTheServer(string statement)
    {
        var (store, sql) = await OpenWithSqlAsync();
        await using (store)
        {
            using (AuditActor.Use("alice"))
            {
                await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "kept"), [new TransactionBuilder().Paying(1m).AtRow(2).Build()], Ct);
            }

            var error = await Assert.ThrowsAsync<PostgresException>(() => sql(statement));

            Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
            var entries = (await store.Audit.QueryAuditAsync(new AuditQuery(), Ct)).Items;
            Assert.Equal([AuditActions.BatchImported, AuditActions.PlaceCreated], entries.Select(e => e.Action));
            Assert.All(entries, e => Assert.Equal("alice", e.Actor));
        }
    }

    private static async Task Sql(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
