using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests;

/// <summary>The store contract on the PostgreSQL engine, against a throwaway cluster.</summary>
public sealed class PostgresPlaceStoreTests(PostgresClusterFixture fixture) : PlaceStoreContract<PostgresClusterFixture>(fixture), IClassFixture<PostgresClusterFixture>
{
    [Fact]
    public async Task PlaceStoreOpenAsync_ConnectionString_OpensThePostgresEngine()
    {
        await using var first = await Fixture.CreateStoreAsync(Ct);

        await using var store = await PlaceStore.OpenAsync($"postgres://postgres@127.0.0.1:{Fixture.Port}/postgres", Ct);

        Assert.Equal("postgres", store.Engine);
    }
}
