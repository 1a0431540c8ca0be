using DuckDB.NET.Data;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Audit;

/// <summary>The audit contract on the embedded DuckDB engine.</summary>
public sealed class DuckDbAuditTests(DuckDbFileFixture fixture) : AuditContract<DuckDbFileFixture>(fixture), IClassFixture<DuckDbFileFixture>
{
    protected override async Task<(IPlaceStore Store, Func<string, Task> Sql)> OpenWithSqlAsync()
    {
        var path = Fixture.NewPath();
        var store = await Fixture.OpenAsync(path, Ct);

        // A second connection in the same process shares the store's database instance.
        async Task Sql(string sql)
        {
            await using var connection = new DuckDBConnection("Data Source=" + path);
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(Ct);
        }

        return (store, Sql);
    }
}

/// <summary>The hash chain on the embedded DuckDB engine: any client of the file can edit it, so the chain is what
/// shows it was edited.</summary>
public sealed class DuckDbAuditChainTests(DuckDbFileFixture fixture) : AuditChainContract<DuckDbFileFixture>(fixture), IClassFixture<DuckDbFileFixture>
{
    protected override async Task<(IPlaceStore Store, Func<string, Task> Tamper)> OpenWithTamperAsync()
    {
        var path = Fixture.NewPath();
        var store = await Fixture.OpenAsync(path, Ct);

        async Task Tamper(string sql)
        {
            await using var connection = new DuckDBConnection("Data Source=" + path);
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(Ct);
        }

        return (store, Tamper);
    }
}
