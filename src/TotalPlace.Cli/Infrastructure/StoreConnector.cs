using TotalPlace.Storage;

namespace TotalPlace.Cli.Infrastructure;

/// <summary>Opens the store a <c>--store</c> value names: a DuckDB file path, or a PostgreSQL connection string.</summary>
internal static partial class StoreConnector
{
    /// <summary>True when the value is a PostgreSQL connection string (URI or keyword form), not a file path.</summary>
    public static bool IsServer(string store) => StoreLocation.NamesServer(store);

    /// <summary>Set to a number of seconds to change how long a verb waits for a store another process holds (60 by
    /// default); after that it fails with exit code <see cref="ExitCodes.Busy"/>.</summary>
    public const string LockWaitVariable = "TOTALPLACE_LOCK_WAIT";

    /// <summary>Set to DuckDB's <c>memory_limit</c> for a bulk load ("512MB", "2GB"), or to "default" for DuckDB's own
    /// (80% of the machine's memory); <see cref="BulkLoadMemoryLimit"/> when unset.</summary>
    public const string MemoryLimitVariable = "TOTALPLACE_DUCKDB_MEMORY_LIMIT";

    /// <summary>DuckDB's memory for an import verb: enough for the appender's blocks and a row group being
    /// compressed, so the import's memory stays flat whatever the file's size instead of caching every block written
    /// (measured in docs/performance.md: about 0.4 GB peak for a 2-million-line file, against up to 0.7 GB unbounded).</summary>
    public const string BulkLoadMemoryLimit = "256MB";

    /// <summary>Bounds the embedded engine's memory for a verb that loads files (see <see cref="MemoryLimitVariable"/>).</summary>
    public static void BoundMemoryForBulkLoad()
    {
        NativeHeap.KeepFreedMemoryForReuse();
        var text = Environment.GetEnvironmentVariable(MemoryLimitVariable) is { Length: > 0 } set ? set.Trim() : BulkLoadMemoryLimit;
        if (text.Equals("default", StringComparison.OrdinalIgnoreCase))
        {
            PlaceStore.DuckDbMemoryLimit = null;
            return;
        }

        if (!MemorySize().IsMatch(text))
        {
            throw new CliException($"{MemoryLimitVariable} must be a size such as 512MB or 2GB, or 'default'; it was '{text}'.", ExitCodes.Usage);
        }

        PlaceStore.DuckDbMemoryLimit = text;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9]{1,6}(\.[0-9]{1,3})?\s?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex MemorySize();

    /// <summary>Opens an existing store for a verb that only reads: a DuckDB file is opened read-only, so it shares
    /// the file with other readers and never takes the writer's lock or migrates.</summary>
    public static Task<IPlaceStore> OpenReadOnlyAsync(string store, CancellationToken cancellationToken) =>
        OpenAsync(store, mustExist: true, cancellationToken, readOnly: true);

    /// <summary>The store this run opened, as the error messages name it (a DuckDB file's full path, or "on the
    /// PostgreSQL server" words that never show the connection string), or null before one is opened.</summary>
    public static string? Opened { get; private set; }

    /// <summary>Opens the store, migrated to the latest schema.</summary>
    /// <param name="store">The --store value.</param>
    /// <param name="mustExist">True for verbs that only read: a missing file is an error rather than a new empty store.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <param name="readOnly">Open a DuckDB file read-only (see <see cref="OpenReadOnlyAsync"/>).</param>
    public static async Task<IPlaceStore> OpenAsync(string store, bool mustExist, CancellationToken cancellationToken, bool readOnly = false)
    {
        ConfigureWaiting();
        ArgumentException.ThrowIfNullOrWhiteSpace(store);
        StoreLocation location;
        try
        {
            location = StoreLocation.Parse(store);
        }
        catch (ArgumentException ex)
        {
            throw new CliException($"--store: {ex.Message.Split(" (Parameter", 2)[0]}", ExitCodes.Usage);
        }

        Opened = location.IsServer ? "on the PostgreSQL server" : Path.GetFullPath(location.Target);
        if (location.IsServer)
        {
            try
            {
                return await PlaceStore.OpenAsync(location, cancellationToken);
            }
            catch (InvalidOperationException ex) when (ex.Message.Contains(PlaceStore.PostgresAssembly, StringComparison.Ordinal))
            {
                throw new CliException("the PostgreSQL engine is not available in this build yet; use a DuckDB file path for --store.", ExitCodes.Store);
            }
        }

        var path = location.Target;
        if (Directory.Exists(path))
        {
            throw new CliException($"--store '{store}' is a folder; give a file path such as {Path.Combine(store, "totalplace.duckdb")}.", ExitCodes.Usage);
        }

        if (mustExist && !File.Exists(path))
        {
            throw new CliException($"store '{store}' does not exist; create it with `totalplace demo` or `totalplace import`.", ExitCodes.Store);
        }

        var folder = Path.GetDirectoryName(path);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new CliException($"the folder for store '{store}' does not exist: {folder}", ExitCodes.Store);
        }

        return readOnly
            ? await PlaceStore.OpenReadOnlyAsync(location, cancellationToken)
            : await PlaceStore.OpenDuckDbAsync(path, cancellationToken);
    }

    private static void ConfigureWaiting()
    {
        PlaceStore.Waiting = message => Console.Error.WriteLine(message);
        if (Environment.GetEnvironmentVariable(LockWaitVariable) is { Length: > 0 } text)
        {
            if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds < 0 || seconds > 86_400)
            {
                throw new CliException($"{LockWaitVariable} must be a number of seconds from 0 to 86400; it was '{text}'.", ExitCodes.Usage);
            }

            PlaceStore.LockWait = TimeSpan.FromSeconds(seconds);
        }
    }
}
