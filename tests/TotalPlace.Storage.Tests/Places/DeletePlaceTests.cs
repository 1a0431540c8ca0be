using System.Data.Common;
using DuckDB.NET.Data;
using Npgsql;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Places;

/// <summary>Deleting a place on DuckDB files.</summary>
public sealed class DuckDbDeletePlaceTests(DuckDbFileFixture fixture) : DeletePlaceContract<DuckDbFileFixture>(fixture), IClassFixture<DuckDbFileFixture>
{
    protected override Task<string> NewStoreAsync() => Task.FromResult(Fixture.NewPath());

    // A second connection in the same process shares the store's database instance.
    protected override async Task<DbConnection> OpenRawAsync(string location)
    {
        var connection = new DuckDBConnection("Data Source=" + location);
        await connection.OpenAsync(Ct);
        return connection;
    }
}

/// <summary>Deleting a place on PostgreSQL, against a throwaway cluster.</summary>
public sealed class PostgresDeletePlaceTests(PostgresClusterFixture fixture) : DeletePlaceContract<PostgresClusterFixture>(fixture), IClassFixture<PostgresClusterFixture>
{
    protected override Task<string> NewStoreAsync() => Fixture.CreateDatabaseAsync(Ct);

    protected override async Task<DbConnection> OpenRawAsync(string location)
    {
        var connection = new NpgsqlConnection(location);
        await connection.OpenAsync(Ct);
        return connection;
    }
}
