using Npgsql;
using TotalPlace.Core.Places;

namespace TotalPlace.Storage.Postgres;

public sealed partial class PostgresPlaceStore
{
    /// <summary>The migrations this engine applies: every Migrations/NNN_name.sql embedded in this assembly.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } = Migration.Discover(typeof(PostgresPlaceStore).Assembly);

    /// <summary>The schema versions applied to this store, in order.</summary>
    public async Task<IReadOnlyList<int>> AppliedVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await QueryAsync(connection, "SELECT version FROM schema_version ORDER BY version", r => r.GetInt32(0), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);

        // Session-level lock: two processes starting together migrate one after the other.
        await ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", cancellationToken, WriterLockKey);
        try
        {
            await ExecuteAsync(
                connection,
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)",
                cancellationToken);
            var applied = (await QueryAsync(connection, "SELECT version FROM schema_version", r => r.GetInt32(0), cancellationToken)).ToHashSet();
            foreach (var migration in Migrations.Where(m => !applied.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                try
                {
                    await ExecuteAsync(connection, migration.Sql, cancellationToken);
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
                    throw new InvalidOperationException($"Migration {migration.Version:D3}_{migration.Name} failed on {connection.Database}: {ex.Message}", ex);
                }
            }

            // Themes are reference data owned by Core: make sure every default exists (users may add more).
            for (var i = 0; i < Theme.Defaults.Count; i++)
            {
                var theme = Theme.Defaults[i];
                await ExecuteAsync(
                    connection,
                    "INSERT INTO theme (code, name, is_default, sort_order) VALUES ($1, $2, TRUE, $3) ON CONFLICT (code) DO NOTHING",
                    cancellationToken,
                    theme.Code,
                    theme.Name,
                    i);
            }
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None, WriterLockKey);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Theme>> ListThemesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await QueryAsync(connection, "SELECT code, name FROM theme ORDER BY sort_order, code", ReadTheme, cancellationToken);
    }

    /// <inheritdoc/>
    public Task AddThemeAsync(Theme theme, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(theme);
        ArgumentException.ThrowIfNullOrWhiteSpace(theme.Code);
        ArgumentException.ThrowIfNullOrWhiteSpace(theme.Name);
        return WriteAsync(
            async connection =>
            {
                var exists = await ScalarAsync<long>(connection, "SELECT count(*) FROM theme WHERE code = $1", cancellationToken, theme.Code);
                if (exists > 0)
                {
                    return await ExecuteAsync(connection, "UPDATE theme SET name = $2 WHERE code = $1", cancellationToken, theme.Code, theme.Name);
                }

                return await ExecuteAsync(
                    connection,
                    "INSERT INTO theme SELECT $1, $2, FALSE, coalesce(max(sort_order), 0) + 1 FROM theme",
                    cancellationToken,
                    theme.Code,
                    theme.Name);
            },
            cancellationToken);
    }

    private static async Task<List<Theme>> ThemesAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await QueryAsync(connection, "SELECT code, name FROM theme ORDER BY sort_order, code", ReadTheme, cancellationToken);
}
