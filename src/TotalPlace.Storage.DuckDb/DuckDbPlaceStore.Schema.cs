namespace TotalPlace.Storage.DuckDb;

public sealed partial class DuckDbPlaceStore
{
    /// <summary>The migrations this engine applies: the portable schema (TotalPlace.Storage/Schema) and this engine's
    /// own Migrations/NNN_name.sql.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } = Migration.ForEngine(typeof(DuckDbPlaceStore).Assembly);

    /// <inheritdoc/>
    public override async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await RefuseNewerSchemaAsync(connection, Migrations, $"DuckDB file {Path}", cancellationToken);
            await ApplyMigrationsAsync(connection, Migrations, Path, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc/>
    private protected override string SchemaVersionTableExistsSql =>
        "SELECT count(*) > 0 FROM information_schema.tables WHERE table_name = 'schema_version'";
}
