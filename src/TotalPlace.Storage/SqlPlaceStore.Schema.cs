using TotalPlace.Core.Places;

namespace TotalPlace.Storage;

public abstract partial class SqlPlaceStore<TConnection>
{
    /// <summary>The schema versions applied to this store, in order.</summary>
    public async Task<IReadOnlyList<int>> AppliedVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await QueryAsync(connection, "SELECT version FROM schema_version ORDER BY version", r => r.GetInt32(0), cancellationToken);
    }

    /// <inheritdoc/>
    public abstract Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>SQL returning true when the store already has a <c>schema_version</c> table (engines ask their own catalogue).</summary>
    private protected abstract string SchemaVersionTableExistsSql { get; }

    /// <summary>Refuses a store that a newer TotalPlace has migrated past this build's migrations: this version would
    /// not know what its newer tables and columns mean, and writing through it could break the newer data.</summary>
    /// <param name="connection">An open connection to the store.</param>
    /// <param name="migrations">The engine's migrations.</param>
    /// <param name="storeName">Names the store in the error, e.g. "DuckDB file x.duckdb".</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <exception cref="PlaceStoreException">The store holds a schema version this build does not have.</exception>
    private protected async Task RefuseNewerSchemaAsync(TConnection connection, IReadOnlyList<Migration> migrations, string storeName, CancellationToken cancellationToken)
    {
        if (!await ScalarAsync<bool>(connection, SchemaVersionTableExistsSql, cancellationToken))
        {
            return;
        }

        var known = migrations.Select(m => m.Version).ToHashSet();
        var unknown = (await QueryAsync(connection, "SELECT version FROM schema_version ORDER BY version", r => r.GetInt32(0), cancellationToken))
            .Where(v => !known.Contains(v))
            .ToList();
        if (unknown.Count > 0)
        {
            throw new PlaceStoreException(
                $"The {storeName} has schema version {unknown[^1]:D3}, newer than this TotalPlace knows (up to {known.Max():D3}); upgrade TotalPlace before using it.");
        }
    }

    /// <summary>Applies the migrations not yet recorded on the connection, then makes sure every default theme exists;
    /// the caller holds the engine's migration lock.</summary>
    /// <param name="connection">An open connection to the store.</param>
    /// <param name="migrations">The engine's migrations, in version order.</param>
    /// <param name="storeName">Names the store in the error when a migration fails.</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    private protected async Task ApplyMigrationsAsync(TConnection connection, IReadOnlyList<Migration> migrations, string storeName, CancellationToken cancellationToken)
    {
        // A store that is up to date needs no DDL, so an application role without the right to create or alter tables
        // (PostgreSQL: deploy/postgres/roles.sql) opens it; only a store with migrations pending needs the owner.
        if (await ScalarAsync<long>(connection, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'", cancellationToken) == 0)
        {
            await ExecuteAsync(
                connection,
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)",
                cancellationToken);
        }

        var applied = (await QueryAsync(connection, "SELECT version FROM schema_version", r => r.GetInt32(0), cancellationToken)).ToHashSet();
        foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                await ExecuteAsync(connection, migration.Sql, cancellationToken);
                if (migration.Version == AuditChainMigration)
                {
                    await SealAuditChainAsync(connection, cancellationToken);
                }

                await ExecuteAsync(
                    connection,
                    "INSERT INTO schema_version VALUES ($1, $2, $3)",
                    cancellationToken,
                    migration.Version,
                    migration.Name,
                    DateTime.UtcNow);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                throw new InvalidOperationException($"Migration {migration.Version:D3}_{migration.Name} failed on {storeName}: {ex.Message}", ex);
            }
        }

        // Themes are reference data owned by Core: make sure every default exists (users may add more).
        for (var i = 0; i < Theme.Defaults.Count; i++)
        {
            var theme = Theme.Defaults[i];
            await ExecuteAsync(connection, InsertDefaultThemeSql, cancellationToken, theme.Code, theme.Name, i);
        }
    }
}
