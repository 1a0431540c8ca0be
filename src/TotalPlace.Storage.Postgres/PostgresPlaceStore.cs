using Npgsql;

namespace TotalPlace.Storage.Postgres;

/// <summary>The server engine: PostgreSQL through Npgsql, bulk loads with binary COPY, the same schema and read SQL
/// as the embedded engine.</summary>
/// <remarks>Writers take a transaction-scoped advisory lock, so imports from several processes (the web app and a CLI)
/// are serialised without blocking readers, who never see a batch before it commits.</remarks>
public sealed partial class PostgresPlaceStore : SqlPlaceStore<NpgsqlConnection>
{
    /// <summary>The value of <see cref="Engine"/>.</summary>
    public const string EngineName = "postgres";

    // Any constant works; it only has to be the same in every process writing to the database.
    private const long WriterLockKey = 0x546F74616C506C;

    private readonly NpgsqlDataSource _dataSource;

    private PostgresPlaceStore(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <inheritdoc/>
    public override string Engine => EngineName;

    /// <summary>Connects and migrates the database to the latest schema.</summary>
    /// <param name="connectionString">An Npgsql connection string ("Host=…;Database=…") or a postgres:// URI.</param>
    public static async Task<PostgresPlaceStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return await MigratedAsync(new PostgresPlaceStore(NpgsqlDataSource.Create(ToConnectionString(connectionString))), cancellationToken);
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
    public override async ValueTask DisposeAsync() => await _dataSource.DisposeAsync();

    /// <summary>Opens a new connection to the store; for engine extensions in this assembly.</summary>
    private protected override async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>Runs <paramref name="work"/> as the only writer, in one transaction committed when it returns.</summary>
    /// <exception cref="PostgresConnectionLostException">The server went away during the write.</exception>
    private protected override async Task<T> WriteAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        T result;
        try
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock($1)", cancellationToken, WriterLockKey);
            result = await work(connection);
        }
        catch (Exception ex) when (IsConnectionLost(connection, ex))
        {
            // No rollback to send: the server rolls back a transaction whose connection is gone, and trying would
            // only replace this error with a second one about the broken connection.
            throw ConnectionLost(ex, mayHaveCommitted: false);
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw;
        }

        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (IsConnectionLost(connection, ex))
        {
            throw ConnectionLost(ex, mayHaveCommitted: true);
        }

        return result;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    private static bool IsConnectionLost(NpgsqlConnection connection, Exception exception) =>
        exception is not OperationCanceledException &&
        (connection.FullState.HasFlag(System.Data.ConnectionState.Broken) ||
         (exception is PostgresException postgres &&
          (postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal))));

    private PostgresConnectionLostException ConnectionLost(Exception exception, bool mayHaveCommitted)
    {
        // From the settings, not the connection: a broken connection no longer reports its host.
        var settings = new NpgsqlConnectionStringBuilder(_dataSource.ConnectionString);
        var server = $"{settings.Host}:{settings.Port} (database {settings.Database})";
        // Npgsql says what it was doing ("Exception while writing to stream"), the socket says why ("Broken pipe").
        var cause = FirstLine(exception.Message);
        if (exception.InnerException is IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
            cause = $"{cause.TrimEnd('.')}: {FirstLine(exception.InnerException.Message).TrimEnd('.')}";
        }

        var outcome = mayHaveCommitted
            ? "it went away while committing, so the change may or may not have been stored; check, or run it again once the server is back (an import already stored is reported as already imported)"
            : "the change was not committed and nothing of it was stored; run it again once the server is back";
        return new PostgresConnectionLostException($"The PostgreSQL server {server} went away during a write ({cause}): {outcome}.", exception)
        {
            MayHaveCommitted = mayHaveCommitted,
        };
    }

    /// <inheritdoc/>
    private protected override async Task BeforeSealingAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await ExecuteAsync(connection, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete", cancellationToken);

    /// <inheritdoc/>
    private protected override async Task AfterSealingAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await ExecuteAsync(connection, "ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete", cancellationToken);

    /// <inheritdoc/>
    private protected override string InsertDefaultThemeSql =>
        "INSERT INTO theme (code, name, is_default, sort_order) VALUES ($1, $2, TRUE, $3) ON CONFLICT (code) DO NOTHING";

    /// <inheritdoc/>
    private protected override string CreateReclassifyKeySql =>
        "CREATE TEMP TABLE reclassify_key (service_code TEXT, expense_area TEXT, expense_type TEXT, description TEXT, supplier TEXT, theme TEXT)";

    /// <inheritdoc/>
    private protected override IBulkWriter BeginBulk(NpgsqlConnection connection, string table) => CopyWriter.Begin(connection, table);

    /// <summary>Lines loaded at or above this count refresh the table's planner statistics at once.</summary>
    internal const int AnalyzeAfterLines = 100_000;

    /// <inheritdoc/>
    /// <remarks>Without statistics the planner estimates a freshly loaded table badly and the place map over 10 million
    /// lines took 10.3 s of CPU instead of 3.4 s (docs/scaling.md); autovacuum would analyse it, but only up to a
    /// minute later. <c>ANALYZE</c> samples the table (0.5 s of CPU at 10 million lines), so small batches skip it.</remarks>
    private protected override async Task AfterLinesLoadedAsync(string table, int linesLoaded, CancellationToken cancellationToken)
    {
        if (linesLoaded >= AnalyzeAfterLines)
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await ExecuteAsync(connection, "ANALYZE " + table, cancellationToken);
        }
    }
}
