using System.Data.Common;
using DuckDB.NET.Data;
using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;

namespace TotalPlace.Storage.DuckDb;

/// <summary>The embedded engine: one DuckDB file holds every place.</summary>
/// <remarks>Each operation opens its own connection (DuckDB shares one database instance per file within a process,
/// so this is cheap) and writes are serialised in-process, because DuckDB allows one writing process and its
/// optimistic concurrency would otherwise turn two simultaneous imports into a conflict error. Readers never wait
/// for writers and never see a half-committed batch.</remarks>
public sealed partial class DuckDbPlaceStore : IPlaceStore
{
    /// <summary>The value of <see cref="Engine"/>.</summary>
    public const string EngineName = "duckdb";

    private readonly string _connectionString;
    private readonly DuckDBConnection _keepAlive;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private DuckDbPlaceStore(string path, DuckDBConnection keepAlive)
    {
        Path = path;
        _connectionString = "Data Source=" + path;
        _keepAlive = keepAlive;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public string Engine => EngineName;

    /// <summary>Opens (creating when absent) the store file and migrates it to the latest schema.</summary>
    /// <param name="path">The DuckDB file, e.g. "place.duckdb". Its folder is created when missing.</param>
    public static async Task<DuckDbPlaceStore> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // Held open for the store's lifetime so the database stays loaded between operations.
        var keepAlive = new DuckDBConnection("Data Source=" + full);
        await keepAlive.OpenAsync(cancellationToken);
        var store = new DuckDbPlaceStore(full, keepAlive);
        try
        {
            await store.MigrateAsync(cancellationToken);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }

        return store;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _keepAlive.DisposeAsync();
        _writeLock.Dispose();
    }

    /// <summary>Opens a new connection to the store; for engine extensions in this assembly (waste, partnership).</summary>
    internal async Task<DuckDBConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new DuckDBConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> as the only writer, in one transaction committed when it returns.</summary>
    internal async Task<T> WriteAsync<T>(Func<DuckDBConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            T result;
            try
            {
                result = await work(connection);
            }
            catch
            {
                await transaction.RollbackAsync(CancellationToken.None);
                throw;
            }

            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static DuckDBCommand Command(DuckDBConnection connection, string sql, params object?[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(value ?? DBNull.Value));
        }

        return command;
    }

    private static async Task<int> ExecuteAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T?> ScalarAsync<T>(DuckDBConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<T>> QueryAsync<T>(DuckDBConnection connection, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static Theme ReadTheme(DbDataReader r) => new(r.GetString(0), r.GetString(1));

    private static ClassificationRule ReadRule(DbDataReader r)
    {
        _ = ClassificationRules.TryParseField(r.GetString(0), out var field);
        var match = Enum.Parse<ClassificationMatch>(r.GetString(1), ignoreCase: true);
        return new ClassificationRule(field, match, r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5));
    }
}
