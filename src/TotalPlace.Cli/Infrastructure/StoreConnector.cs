using TotalPlace.Storage;

namespace TotalPlace.Cli.Infrastructure;

/// <summary>Opens the store a <c>--store</c> value names: a DuckDB file path, or a PostgreSQL connection string.</summary>
internal static class StoreConnector
{
    /// <summary>True when the value is a PostgreSQL connection string (URI or keyword form), not a file path.</summary>
    public static bool IsServer(string store) => StoreLocation.NamesServer(store);

    /// <summary>Opens the store, migrated to the latest schema.</summary>
    /// <param name="store">The --store value.</param>
    /// <param name="mustExist">True for verbs that only read: a missing file is an error rather than a new empty store.</param>
    public static async Task<IPlaceStore> OpenAsync(string store, bool mustExist, CancellationToken cancellationToken)
    {
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

        return await PlaceStore.OpenDuckDbAsync(path, cancellationToken);
    }
}
