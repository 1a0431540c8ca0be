using Npgsql;
using TotalPlace.Storage.Postgres;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Concurrency;

/// <summary>Processes starting together against a new PostgreSQL database migrate it once, to every area's schema;
/// a database migrated by a newer TotalPlace is refused before anything is applied.</summary>
public sealed class PostgresMigrationTests(PostgresClusterFixture fixture) : IClassFixture<PostgresClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenAsync_FourStoresAtOnceOnANewDatabase_ApplyEveryMigrationOnce()
    {
        var target = await fixture.CreateDatabaseAsync(Ct);

        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgresPlaceStore.OpenAsync(target, Ct), Ct)));
        try
        {
            var expected = PostgresPlaceStore.Migrations.Select(m => m.Version).ToList();
            Assert.Contains(100, expected);
            Assert.Contains(200, expected);
            foreach (var store in stores)
            {
                Assert.Equal(expected, await store.AppliedVersionsAsync(Ct));
            }

            Assert.Equal(Core.Places.Theme.Defaults.Count, (await stores[0].Places.ListThemesAsync(Ct)).Count);
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task OpenAsync_SchemaNewerThanThisBuild_IsRefusedBeforeAnythingIsApplied()
    {
        var target = await fixture.CreateDatabaseAsync(Ct);
        await (await PostgresPlaceStore.OpenAsync(target, Ct)).DisposeAsync();
        await using (var connection = new NpgsqlConnection(target))
        {
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand("INSERT INTO schema_version VALUES (998, 'from_a_newer_totalplace', now()); DELETE FROM schema_version WHERE version = 200", connection);
            await command.ExecuteNonQueryAsync(Ct);
        }

        var error = await Assert.ThrowsAsync<PlaceStoreException>(() => PostgresPlaceStore.OpenAsync(target, Ct));

        Assert.Contains("has schema version 998, newer than this TotalPlace knows", error.Message, StringComparison.Ordinal);
        await using var check = new NpgsqlConnection(target);
        await check.OpenAsync(Ct);
        await using var applied = new NpgsqlCommand("SELECT count(*) FROM schema_version WHERE version = 200", check);
        Assert.Equal(0L, (long)(await applied.ExecuteScalarAsync(Ct))!);
    }
}
