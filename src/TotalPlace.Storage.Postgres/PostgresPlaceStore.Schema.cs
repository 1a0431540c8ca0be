namespace TotalPlace.Storage.Postgres;

public sealed partial class PostgresPlaceStore
{
    /// <summary>The migrations this engine applies: the portable schema (TotalPlace.Storage/Schema) and this engine's
    /// own Migrations/NNN_name.sql.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } = Migration.ForEngine(typeof(PostgresPlaceStore).Assembly);

    /// <inheritdoc/>
    public override async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);

        // Session-level lock: two processes starting together migrate one after the other.
        await ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", cancellationToken, WriterLockKey);
        try
        {
            await RefuseNewerSchemaAsync(connection, Migrations, $"PostgreSQL database {connection.Database}", cancellationToken);
            await ApplyMigrationsAsync(connection, Migrations, connection.Database, cancellationToken);
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None, WriterLockKey);
        }
    }

    /// <inheritdoc/>
    private protected override string SchemaVersionTableExistsSql => "SELECT to_regclass('schema_version') IS NOT NULL";
}
