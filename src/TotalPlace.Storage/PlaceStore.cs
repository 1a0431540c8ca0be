using System.Reflection;

namespace TotalPlace.Storage;

/// <summary>Opens place stores, in the style of <c>NpgsqlDataSource.Create</c>: a DuckDB file for one machine, a
/// PostgreSQL connection string for a partnership's server.</summary>
/// <remarks>Engines live in their own assemblies (TotalPlace.Storage.DuckDb, TotalPlace.Storage.Postgres). An
/// application references the engines it ships; this class finds them by assembly name, so callers need only this
/// project's types. Every store returned is migrated to the latest schema.</remarks>
public static class PlaceStore
{
    /// <summary>The assembly of the embedded engine.</summary>
    public const string DuckDbAssembly = "TotalPlace.Storage.DuckDb";

    /// <summary>The assembly of the server engine.</summary>
    public const string PostgresAssembly = "TotalPlace.Storage.Postgres";

    /// <summary>How long after an embedded store's files last changed their stamp alone is trusted as the
    /// <see cref="IPlaceStore.ChangeStampAsync"/> (a commit may be written but not yet visible); until then the store
    /// is asked.</summary>
    public static readonly TimeSpan ChangeStampSettleTime = TimeSpan.FromSeconds(2);

    /// <summary>How long opening an embedded store waits for another process to let go of the file before failing
    /// with <see cref="StoreBusyException"/> (60 s by default; the CLI reads TOTALPLACE_LOCK_WAIT, in seconds).</summary>
    public static TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Told once, with a one-line message, when an operation starts waiting for another process to let go of
    /// the store (the CLI prints it on standard error: "waiting for the store, held by another process…").</summary>
    public static Action<string>? Waiting { get; set; }

    /// <summary>DuckDB's <c>memory_limit</c> for embedded stores opened from now on in this process ("256MB"), or null
    /// for DuckDB's own default (80% of the machine's memory). DuckDB keeps the blocks it has written cached up to its
    /// limit, so a bulk load's memory would otherwise grow with the file; the CLI's import sets it (see
    /// docs/performance.md) and the web app leaves it to DuckDB.</summary>
    public static string? DuckDbMemoryLimit { get; set; }

    /// <summary>Opens an existing DuckDB store file for reading only: it takes DuckDB's shared lock, so several readers
    /// (CLI verbs that only read) run side by side, and it never migrates or writes; a write through it throws.</summary>
    /// <exception cref="PlaceStoreException">The file is missing, or needs migrating by a TotalPlace that writes.</exception>
    public static Task<IPlaceStore> OpenReadOnlyAsync(StoreLocation location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.IsServer
            ? OpenPostgresAsync(location.Target, cancellationToken)
            : Engine(DuckDbAssembly).OpenReadOnlyAsync(location.Target, cancellationToken);
    }

    /// <summary>Opens (creating when absent) a DuckDB store file and migrates it.</summary>
    /// <param name="path">A file path, e.g. "place.duckdb".</param>
    public static Task<IPlaceStore> OpenDuckDbAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Engine(DuckDbAssembly).OpenAsync(path, cancellationToken);
    }

    /// <summary>Opens a DuckDB store file synchronously; see <see cref="OpenDuckDbAsync"/>.</summary>
    public static IPlaceStore OpenDuckDb(string path) => OpenDuckDbAsync(path).GetAwaiter().GetResult();

    /// <summary>Opens a PostgreSQL store and migrates it.</summary>
    /// <param name="connectionString">An Npgsql connection string or a postgres:// URI.</param>
    public static Task<IPlaceStore> OpenPostgresAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return Engine(PostgresAssembly).OpenAsync(connectionString, cancellationToken);
    }

    /// <summary>Opens the store a user named, parsed by <see cref="StoreLocation.Parse"/>: a postgres:// or
    /// postgresql:// URI, or an Npgsql connection string naming a host, selects PostgreSQL; anything else is a DuckDB
    /// file path.</summary>
    public static Task<IPlaceStore> OpenAsync(string store, CancellationToken cancellationToken = default) =>
        OpenAsync(StoreLocation.Parse(store), cancellationToken);

    /// <summary>Opens (and migrates) the store at a parsed location.</summary>
    public static Task<IPlaceStore> OpenAsync(StoreLocation location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.IsServer ? OpenPostgresAsync(location.Target, cancellationToken) : OpenDuckDbAsync(location.Target, cancellationToken);
    }

    /// <summary>True when <paramref name="store"/> names a PostgreSQL server rather than a DuckDB file
    /// (see <see cref="StoreLocation.Parse"/>).</summary>
    public static bool IsPostgres(string store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return StoreLocation.NamesServer(store);
    }

    private static IPlaceStoreEngine Engine(string assemblyName)
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(new AssemblyName(assemblyName));
        }
        catch (FileNotFoundException ex)
        {
            throw new InvalidOperationException($"The storage engine {assemblyName} is not part of this application; reference its project.", ex);
        }

        var attribute = assembly.GetCustomAttribute<PlaceStoreEngineAttribute>()
            ?? throw new InvalidOperationException($"{assemblyName} does not declare a [PlaceStoreEngine].");
        return (IPlaceStoreEngine)(Activator.CreateInstance(attribute.EngineType)
            ?? throw new InvalidOperationException($"{attribute.EngineType} could not be created."));
    }
}
