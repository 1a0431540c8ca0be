using System.Data.Common;
using Npgsql;
using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;

namespace TotalPlace.Storage.Postgres;

/// <summary>The server engine: PostgreSQL through Npgsql, bulk loads with binary COPY, the same schema and read SQL
/// as the embedded engine.</summary>
/// <remarks>Writers take a transaction-scoped advisory lock, so imports from several processes (the web app and a CLI)
/// are serialised without blocking readers, who never see a batch before it commits.</remarks>
public sealed partial class PostgresPlaceStore : IPlaceStore
{
    /// <summary>The value of <see cref="Engine"/>.</summary>
    public const string EngineName = "postgres";

    // Any constant works; it only has to be the same in every process writing to the database.
    private const long WriterLockKey = 0x546F74616C506C;

    private readonly NpgsqlDataSource _dataSource;

    private PostgresPlaceStore(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <inheritdoc/>
    public string Engine => EngineName;

    /// <summary>Connects and migrates the database to the latest schema.</summary>
    /// <param name="connectionString">An Npgsql connection string ("Host=…;Database=…") or a postgres:// URI.</param>
    public static async Task<PostgresPlaceStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var store = new PostgresPlaceStore(NpgsqlDataSource.Create(ToConnectionString(connectionString)));
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

    /// <summary>Turns a postgres://user:password@host:port/database URI into an Npgsql connection string; other text is
    /// returned as it is.</summary>
    public static string ToConnectionString(string store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!store.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !store.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return store;
        }

        var uri = new Uri(store);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        return builder.ConnectionString;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await _dataSource.DisposeAsync();

    /// <summary>Opens a new connection to the store; for engine extensions in this assembly.</summary>
    internal async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>Runs <paramref name="work"/> as the only writer, in one transaction committed when it returns.</summary>
    internal async Task<T> WriteAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        T result;
        try
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock($1)", cancellationToken, WriterLockKey);
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

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object?[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<T>> QueryAsync<T>(NpgsqlConnection connection, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] parameters)
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
