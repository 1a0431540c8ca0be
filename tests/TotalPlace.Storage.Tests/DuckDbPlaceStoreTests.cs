using DuckDB.NET.Data;
using TotalPlace.Storage.DuckDb;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests;

/// <summary>The store contract on the embedded DuckDB engine, plus what only a DuckDB file can show.</summary>
public sealed class DuckDbPlaceStoreTests(DuckDbFileFixture fixture) : PlaceStoreContract<DuckDbFileFixture>(fixture), IClassFixture<DuckDbFileFixture>
{
    [Fact]
    public async Task OpenAsync_NewFile_AppliesEveryMigrationOnceAndReopensCleanly()
    {
        var path = Fixture.NewPath();
        await using (var store = await Fixture.OpenAsync(path, Ct))
        {
            await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "kept"), Lines(1.5m), Ct);
            await store.MigrateAsync(Ct);
            Assert.Equal(DuckDbPlaceStore.Migrations.Select(m => m.Version), await store.AppliedVersionsAsync(Ct));
        }

        await using var reopened = await Fixture.OpenAsync(path, Ct);
        Assert.Equal(DuckDbPlaceStore.Migrations.Select(m => m.Version), await reopened.AppliedVersionsAsync(Ct));
        Assert.Equal(1.5m, Assert.Single(await reopened.Spend.ListBatchesAsync(cancellationToken: Ct)).Total);
    }

    [Fact]
    public async Task PlaceStoreOpenAsync_FilePath_OpensTheDuckDbEngine()
    {
        await using var store = await PlaceStore.OpenAsync(Fixture.NewPath(), Ct);

        Assert.Equal("duckdb", store.Engine);
    }

    [Fact]
    public void Migrations_AreDiscoveredInVersionOrderStartingWithTheCoreSchema()
    {
        var migrations = DuckDbPlaceStore.Migrations;

        Assert.Equal(1, migrations[0].Version);
        Assert.Equal("core", migrations[0].Name);
        Assert.Equal(migrations.OrderBy(m => m.Version).Select(m => m.Version), migrations.Select(m => m.Version));
    }

    [Fact]
    public async Task OpenAsync_SchemaNewerThanThisBuild_IsRefusedBeforeAnythingIsApplied()
    {
        var path = Fixture.NewPath();
        await (await Fixture.OpenAsync(path, Ct)).DisposeAsync();
        await using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version VALUES (998, 'from_a_newer_totalplace', now()); DELETE FROM schema_version WHERE version = 200";
            await command.ExecuteNonQueryAsync(Ct);
        }

        var error = await Assert.ThrowsAsync<PlaceStoreException>(async () => await (await Fixture.OpenAsync(path, Ct)).DisposeAsync());

        Assert.Contains($"DuckDB file {path} has schema version 998, newer than this TotalPlace knows", error.Message, StringComparison.Ordinal);
        await using var check = new DuckDBConnection($"Data Source={path}");
        await check.OpenAsync(Ct);
        await using var applied = check.CreateCommand();
        applied.CommandText = "SELECT count(*) FROM schema_version WHERE version = 200";
        Assert.Equal(0L, Convert.ToInt64(await applied.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture));
    }
}
