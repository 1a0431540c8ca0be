using TotalPlace.Storage;

namespace TotalPlace.Cli.Infrastructure;

/// <summary>Opens the store a <c>--store</c> value names: a DuckDB file path, or a PostgreSQL connection string.</summary>
internal static class StoreConnector
{
    /// <summary>True when the value is a PostgreSQL connection string (URI or keyword form), not a file path.</summary>
    public static bool IsServer(string store) =>
        store.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || store.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || store.StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
        || store.Contains(";Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens and migrates the store.</summary>
    /// <param name="store">The --store value.</param>
    /// <param name="mustExist">True for verbs that only read: a missing file is an error rather than a new empty store.</param>
    public static async Task<IPlaceStore> OpenAsync(string store, bool mustExist, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(store);
        IPlaceStore opened;
        if (IsServer(store))
        {
            opened = OpenServer(store);
        }
        else
        {
            var path = Path.GetFullPath(store);
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

            opened = OpenDuckDb(path);
        }

        try
        {
            await opened.MigrateAsync(cancellationToken);
            return opened;
        }
        catch
        {
            await opened.DisposeAsync();
            throw;
        }
    }

    private static IPlaceStore OpenDuckDb(string path) =>
        throw new CliException($"the DuckDB engine is not available in this build; cannot open {path}.", ExitCodes.Store);

    private static IPlaceStore OpenServer(string connectionString)
    {
        _ = connectionString;
        throw new CliException("PostgreSQL stores are not available in this build yet; use a DuckDB file path for --store.", ExitCodes.Store);
    }
}
