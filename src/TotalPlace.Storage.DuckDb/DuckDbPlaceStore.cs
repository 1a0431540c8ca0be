using System.Collections.Concurrent;
using DuckDB.NET.Data;

namespace TotalPlace.Storage.DuckDb;

/// <summary>The embedded engine: one DuckDB file holds every place.</summary>
/// <remarks>Each operation opens its own connection (DuckDB shares one database instance per file within a process,
/// so this is cheap) and writes to a file are serialised in-process, across every store object opened on it, because
/// DuckDB allows one writing process and its optimistic concurrency would otherwise turn two simultaneous imports into
/// a conflict error. Readers never wait
/// for writers and never see a half-committed batch.
/// <para>DuckDB lets one process at a time open a file, so the store holds it only while it works: the database stays
/// loaded across a burst of operations and is let go once none has run for <see cref="IdleRelease"/>. Another process
/// (the CLI beside a running web app) then gets its turn; an operation that finds the file held by another process
/// waits for it, up to <see cref="LockWait"/>, and then fails with a message naming the holder. docs/storage.md
/// says why this design.</para></remarks>
public sealed partial class DuckDbPlaceStore : SqlPlaceStore<DuckDBConnection>
{
    /// <summary>The value of <see cref="Engine"/>.</summary>
    public const string EngineName = "duckdb";

    /// <summary>How long the file stays open after the last operation ends.</summary>
    public static readonly TimeSpan IdleRelease = TimeSpan.FromSeconds(1);

    /// <summary>How long an operation waits for another process to let go of the file (<see cref="PlaceStore.LockWait"/>).</summary>
    public static TimeSpan LockWait
    {
        get => PlaceStore.LockWait;
        set => PlaceStore.LockWait = value;
    }

    private readonly string _connectionString;
    private readonly SemaphoreSlim _openGate = new(1, 1);
    private readonly Lock _leaseGate = new();
    private DuckDBConnection? _keepAlive;
    private int _activeConnections;
    private ITimer? _idleTimer;
    private bool _disposed;
    // One writer lock per file, not per store object: two stores opened on the same file in one process (the web app's
    // and a job's, say) would otherwise both write and meet DuckDB's optimistic-concurrency conflict as an error.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> s_writeLocks = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _writeLock;

    private readonly TimeProvider _clock;

    private DuckDbPlaceStore(string path, TimeProvider clock, bool readOnly = false)
    {
        Path = path;
        _clock = clock;
        ReadOnly = readOnly;
        _writeLock = s_writeLocks.GetOrAdd(path, static _ => new SemaphoreSlim(1, 1));
        // Read-only: DuckDB's shared file lock, which other readers share and a writing process waits for.
        _connectionString = "Data Source=" + path + (readOnly ? ";ACCESS_MODE=READ_ONLY" : "") +
            (PlaceStore.DuckDbMemoryLimit is { Length: > 0 } limit ? ";memory_limit=" + limit : "");
    }

    /// <summary>True when opened with <see cref="OpenReadOnlyAsync"/>: writes throw.</summary>
    public bool ReadOnly { get; }

    /// <summary>Opens an existing store file for reading only. It takes DuckDB's shared lock (so readers in other
    /// processes run side by side and a writing process waits for them), never migrates and never writes.</summary>
    /// <exception cref="PlaceStoreException">The file does not exist, or was made by another TotalPlace version and
    /// needs a writer to migrate it first.</exception>
    public static async Task<DuckDbPlaceStore> OpenReadOnlyAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new PlaceStoreException($"The DuckDB file {full} does not exist.");
        }

        var store = new DuckDbPlaceStore(full, TimeProvider.System, readOnly: true);
        try
        {
            await using var connection = await store.OpenConnectionAsync(cancellationToken);
            await store.RefuseNewerSchemaAsync(connection, Migrations, $"DuckDB file {full}", cancellationToken);
            var applied = await QueryAsync(connection, "SELECT version FROM schema_version", r => r.GetInt32(0), cancellationToken);
            var missing = Migrations.Select(m => m.Version).Except(applied).ToList();
            if (missing.Count > 0)
            {
                throw new PlaceStoreException(
                    $"The DuckDB file {full} needs upgrading to this TotalPlace's schema (migration {missing[0]:D3} and on) before it can be read; run any command that changes the store (an import, or the web app) once.");
            }
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }

        return store;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public override string Engine => EngineName;

    /// <summary>Opens (creating when absent) the store file and migrates it to the latest schema.</summary>
    /// <param name="path">The DuckDB file, e.g. "place.duckdb". Its folder is created when missing.</param>
    public static Task<DuckDbPlaceStore> OpenAsync(string path, CancellationToken cancellationToken = default) =>
        OpenAsync(path, TimeProvider.System, cancellationToken);

    /// <summary>Opens the store file on a given clock, which times the idle release and the change stamp's settle
    /// time (tests pass a fake one instead of sleeping).</summary>
    /// <param name="path">The DuckDB file, e.g. "place.duckdb". Its folder is created when missing.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    public static async Task<DuckDbPlaceStore> OpenAsync(string path, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(clock);
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return await MigratedAsync(new DuckDbPlaceStore(full, clock), cancellationToken);
    }

    /// <summary>True while this store holds the file open (an operation ran less than <see cref="IdleRelease"/> ago).</summary>
    public bool HoldsFile
    {
        get
        {
            lock (_leaseGate)
            {
                return _keepAlive is not null;
            }
        }
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        // The write lock is the file's, shared with other stores on it, so it outlives this one.
        DuckDBConnection? keepAlive;
        lock (_leaseGate)
        {
            _disposed = true;
            _idleTimer?.Dispose();
            _idleTimer = null;
            keepAlive = _keepAlive;
            _keepAlive = null;
        }

        if (keepAlive is not null)
        {
            await keepAlive.DisposeAsync();
        }
    }

    /// <summary>Opens a new connection to the store; for engine extensions in this assembly (waste, partnership).</summary>
    private protected override async Task<DuckDBConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        lock (_leaseGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _activeConnections++;
            _idleTimer?.Dispose();
            _idleTimer = null;
        }

        try
        {
            await HoldFileAsync(cancellationToken);
            var connection = new DuckDBConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            var released = 0;
            connection.StateChange += (_, change) =>
            {
                if (change.CurrentState == System.Data.ConnectionState.Closed && Interlocked.Exchange(ref released, 1) == 0)
                {
                    EndLease();
                }
            };
            return connection;
        }
        catch
        {
            EndLease();
            throw;
        }
    }

    /// <summary>Opens the connection that keeps the database loaded, waiting while another process holds the file.</summary>
    private async Task HoldFileAsync(CancellationToken cancellationToken)
    {
        await _openGate.WaitAsync(cancellationToken);
        try
        {
            lock (_leaseGate)
            {
                if (_keepAlive is not null)
                {
                    return;
                }
            }

            var waited = System.Diagnostics.Stopwatch.StartNew();
            var pause = TimeSpan.FromMilliseconds(25);
            var told = false;
            while (true)
            {
                var keepAlive = new DuckDBConnection(_connectionString);
                try
                {
                    await keepAlive.OpenAsync(cancellationToken);
                    if (!ReadOnly)
                    {
                        await ParallelBulkLoad.RegisterAsync(keepAlive, cancellationToken);
                    }

                    lock (_leaseGate)
                    {
                        _keepAlive = keepAlive;
                    }

                    return;
                }
                catch (DuckDBException ex) when (IsHeldByAnotherProcess(ex))
                {
                    await keepAlive.DisposeAsync();
                    if (waited.Elapsed >= LockWait)
                    {
                        throw new StoreBusyException(
                            $"The store {Path} is held by another process and was not let go within {LockWait.TotalSeconds:0} s ({HolderOf(ex)}); try again when it has finished.",
                            ex);
                    }

                    if (!told)
                    {
                        told = true;
                        PlaceStore.Waiting?.Invoke(
                            $"waiting for the store, held by another process ({HolderOf(ex)}); giving up after {LockWait.TotalSeconds:0} s…");
                    }

                    await Task.Delay(pause, cancellationToken);
                    pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 500));
                }
                catch
                {
                    // A connection opened but not kept (a cancelled or refused registration) would hold the file for the
                    // rest of the process.
                    await keepAlive.DisposeAsync();
                    throw;
                }
            }
        }
        finally
        {
            _openGate.Release();
        }
    }

    private void EndLease()
    {
        lock (_leaseGate)
        {
            _activeConnections--;
            if (_activeConnections == 0 && _keepAlive is not null && !_disposed)
            {
                _idleTimer?.Dispose();
                _idleTimer = _clock.CreateTimer(_ => ReleaseIfIdle(), null, IdleRelease, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void ReleaseIfIdle()
    {
        DuckDBConnection? keepAlive = null;
        lock (_leaseGate)
        {
            if (_activeConnections == 0 && _keepAlive is not null)
            {
                keepAlive = _keepAlive;
                _keepAlive = null;
                _idleTimer?.Dispose();
                _idleTimer = null;
            }
        }

        keepAlive?.Dispose();
    }

    /// <summary>DuckDB's words when another process has the file: "Could not set lock on file …: Conflicting lock is held in … (PID n)".</summary>
    internal static bool IsHeldByAnotherProcess(DuckDBException exception) =>
        exception.Message.Contains("Conflicting lock is held", StringComparison.Ordinal);

    private static string HolderOf(DuckDBException exception)
    {
        var at = exception.Message.IndexOf("Conflicting lock is held in ", StringComparison.Ordinal);
        if (at < 0)
        {
            return "DuckDB's file lock";
        }

        var holder = exception.Message[(at + "Conflicting lock is held in ".Length)..];
        var end = holder.IndexOf(". ", StringComparison.Ordinal);
        return "held by " + (end < 0 ? holder : holder[..end]);
    }

    /// <summary>Runs <paramref name="work"/> as the only writer, in one transaction committed when it returns.</summary>
    private protected override async Task<T> WriteAsync<T>(Func<DuckDBConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        if (ReadOnly)
        {
            throw new InvalidOperationException($"The store {Path} was opened read-only (by a command that only reads); nothing was changed.");
        }

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

    /// <inheritdoc/>
    private protected override async Task<long> AppendBlocksAsync(DuckDBConnection connection, string table, LinePipeline pipeline, Action<IBulkWriter, ClassifiedLine> writeRow, CancellationToken cancellationToken) =>
        await ParallelBulkLoad.TryRunAsync(connection, table, pipeline, writeRow, cancellationToken)
            ?? await base.AppendBlocksAsync(connection, table, pipeline, writeRow, cancellationToken);
}
