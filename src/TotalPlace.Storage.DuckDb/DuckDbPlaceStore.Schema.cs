using DuckDB.NET.Data;

namespace TotalPlace.Storage.DuckDb;

public sealed partial class DuckDbPlaceStore
{
    /// <summary>The migrations this engine applies: every Migrations/NNN_name.sql embedded in this assembly.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } = Migration.Discover(typeof(DuckDbPlaceStore).Assembly);

    /// <inheritdoc/>
    public override async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await RefuseNewerSchemaAsync(connection, cancellationToken);
            await ApplyMigrationsAsync(connection, Migrations, Path, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Refuses a file that a newer TotalPlace has migrated past this one's migrations: this version would not
    /// know what its newer tables and columns mean, and writing through it could break the newer data.</summary>
    /// <exception cref="PlaceStoreException">The file holds a schema version this build does not have.</exception>
    private async Task RefuseNewerSchemaAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        if (await ScalarAsync<long>(connection, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'", cancellationToken) == 0)
        {
            return;
        }

        var known = Migrations.Select(m => m.Version).ToHashSet();
        var unknown = (await QueryAsync(connection, "SELECT version FROM schema_version ORDER BY version", r => r.GetInt32(0), cancellationToken))
            .Where(v => !known.Contains(v))
            .ToList();
        if (unknown.Count > 0)
        {
            throw new PlaceStoreException(
                $"The DuckDB file {Path} has schema version {unknown[^1]:D3}, newer than this TotalPlace knows (up to {known.Max():D3}); upgrade TotalPlace before using this file.");
        }
    }
}
