namespace TotalPlace.Storage.Postgres;

public sealed partial class PostgresPlaceStore
{
    /// <summary>The migrations this engine applies: every Migrations/NNN_name.sql embedded in this assembly.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } = Migration.Discover(typeof(PostgresPlaceStore).Assembly);

    /// <inheritdoc/>
    public override async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);

        // Session-level lock: two processes starting together migrate one after the other.
        await ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", cancellationToken, WriterLockKey);
        try
        {
            await RefuseNewerSchemaAsync(connection, cancellationToken);
            await ApplyMigrationsAsync(connection, Migrations, connection.Database, cancellationToken);
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None, WriterLockKey);
        }
    }

    /// <summary>Refuses a database that a newer TotalPlace has migrated past this one's migrations: this version would
    /// not know what its newer tables and columns mean, and writing through it could break the newer data.</summary>
    /// <exception cref="PlaceStoreException">The database holds a schema version this build does not have.</exception>
    private static async Task RefuseNewerSchemaAsync(Npgsql.NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (!await ScalarAsync<bool>(connection, "SELECT to_regclass('schema_version') IS NOT NULL", cancellationToken))
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
                $"The PostgreSQL database {connection.Database} has schema version {unknown[^1]:D3}, newer than this TotalPlace knows (up to {known.Max():D3}); upgrade TotalPlace before using this database.");
        }
    }
}
