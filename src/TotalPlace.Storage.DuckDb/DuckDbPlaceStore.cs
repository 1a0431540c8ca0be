using System.Collections.Concurrent;
using DuckDB.NET.Data;

namespace TotalPlace.Storage.DuckDb;

/// <summary>The embedded engine: one DuckDB file holds every place.</summary>
/// <remarks>Each operation opens its own connection (DuckDB shares one database instance per file within a process,
/// so this is cheap) and writes to a file are serialised in-process, across every store object opened on it, because
/// DuckDB allows one writing process and its optimistic concurrency would otherwise turn two simultaneous imports into
/// a conflict error. Readers never wait
/// for writers and never see a half-committed batch.</remarks>
public sealed partial class DuckDbPlaceStore : SqlPlaceStore<DuckDBConnection>
{
    /// <summary>The value of <see cref="Engine"/>.</summary>
    public const string EngineName = "duckdb";

    private readonly string _connectionString;
    private readonly DuckDBConnection _keepAlive;
    // One writer lock per file, not per store object: two stores opened on the same file in one process (the web app's
    // and a job's, say) would otherwise both write and meet DuckDB's optimistic-concurrency conflict as an error.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> s_writeLocks = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _writeLock;

    private DuckDbPlaceStore(string path, DuckDBConnection keepAlive)
    {
        Path = path;
        _writeLock = s_writeLocks.GetOrAdd(path, static _ => new SemaphoreSlim(1, 1));
        _connectionString = "Data Source=" + path;
        _keepAlive = keepAlive;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public override string Engine => EngineName;

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
        return await MigratedAsync(new DuckDbPlaceStore(full, keepAlive), cancellationToken);
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        // The write lock is the file's, shared with other stores on it, so it outlives this one.
        await _keepAlive.DisposeAsync();
    }

    /// <summary>Opens a new connection to the store; for engine extensions in this assembly (waste, partnership).</summary>
    private protected override async Task<DuckDBConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new DuckDBConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> as the only writer, in one transaction committed when it returns.</summary>
    private protected override async Task<T> WriteAsync<T>(Func<DuckDBConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            return await InTransactionAsync(connection, work, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc/>
    private protected override string InsertDefaultThemeSql =>
        "INSERT INTO theme (code, name, is_default, sort_order) SELECT $1, $2, TRUE, $3 WHERE NOT EXISTS (SELECT 1 FROM theme WHERE code = $1)";

    /// <inheritdoc/>
    private protected override string CreateReclassifyKeySql =>
        "CREATE OR REPLACE TEMP TABLE reclassify_key (service_code TEXT, expense_area TEXT, expense_type TEXT, description TEXT, supplier TEXT, theme TEXT)";

    /// <inheritdoc/>
    private protected override IBulkWriter BeginBulk(DuckDBConnection connection, string table) =>
        new AppenderWriter(connection.CreateAppender(table));
}
