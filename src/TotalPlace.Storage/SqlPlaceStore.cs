using System.Data.Common;
using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;

namespace TotalPlace.Storage;

/// <summary>The store logic shared by the SQL engines (DuckDB, PostgreSQL): one schema, one set of read and write
/// statements. An engine supplies only what differs: opening connections, serialising writers, bulk loading and the
/// few statements whose dialect differs.</summary>
/// <remarks>This is the engine object the area stores share (<see cref="ISqlEngine{TConnection}"/>): the waste,
/// partnership, proposals, audit, accounts and mappings areas are classes of their own over it, composed here and
/// exposed as the typed properties; spend, places, rules and counting are still this class's partial files.</remarks>
/// <typeparam name="TConnection">The engine's ADO.NET connection.</typeparam>
public abstract partial class SqlPlaceStore<TConnection> : IPlaceStore, ISqlEngine<TConnection>
    where TConnection : DbConnection
{
    private protected SqlPlaceStore()
    {
        Areas = new StoreAreas(this);
    }

    /// <summary>The area stores, each over this engine object.</summary>
    private StoreAreas Areas { get; }

    Task<TConnection> ISqlEngine<TConnection>.OpenConnectionAsync(CancellationToken cancellationToken) => OpenConnectionAsync(cancellationToken);

    Task<T> ISqlEngine<TConnection>.WriteAsync<T>(Func<TConnection, Task<T>> work, CancellationToken cancellationToken) => WriteAsync(work, cancellationToken);

    Task<(Place Place, int Id)> ISqlEngine<TConnection>.EnsurePlaceAsync(TConnection connection, string code, CancellationToken cancellationToken) =>
        EnsurePlaceAsync(connection, code, cancellationToken);

    /// <summary>The areas cut out of the store so far, each its own class over the one engine object.</summary>
    private sealed class StoreAreas(ISqlEngine<TConnection> engine)
    {
        public Proposals.IProposalStore Proposals { get; } = new Proposals.SqlProposalStore<TConnection>(engine);

        public Partnership.IPartnershipStore Partnership { get; } = new Partnership.SqlPartnershipStore<TConnection>(engine);

        public Audit.IAuditLog Audit { get; } = new Audit.SqlAuditLog<TConnection>(engine);

        public Imports.IImportMappingStore Mappings { get; } = new Imports.SqlImportMappingStore<TConnection>(engine);

        public Identity.IAccountStore Accounts { get; } = new Identity.SqlAccountStore<TConnection>(engine);

        public Waste.IWasteStore Waste { get; } = new Waste.SqlWasteStore<TConnection>(engine);
    }

    /// <inheritdoc/>
    public abstract string Engine { get; }

    /// <inheritdoc/>
    public ISpendStore Spend => this;

    /// <inheritdoc/>
    public IPlacesStore Places => this;

    /// <inheritdoc/>
    public Waste.IWasteStore Waste => Areas.Waste;

    /// <inheritdoc/>
    public Partnership.IPartnershipStore Partnership => Areas.Partnership;

    /// <inheritdoc/>
    public Audit.IAuditLog Audit => Areas.Audit;

    /// <inheritdoc/>
    public Identity.IAccountStore Accounts => Areas.Accounts;

    /// <inheritdoc/>
    public Rules.IRuleWorkbench Rules => this;

    /// <inheritdoc/>
    public Counting.ICountStore Counting => this;

    /// <inheritdoc/>
    public Proposals.IProposalStore Proposals => Areas.Proposals;

    /// <inheritdoc/>
    public Imports.IImportMappingStore Mappings => Areas.Mappings;

    /// <summary>Inserts a default theme (code $1, name $2, sort order $3) unless a theme with that code exists.</summary>
    private protected abstract string InsertDefaultThemeSql { get; }

    /// <summary>Creates the temporary reclassify_key table (service_code, expense_area, expense_type, description,
    /// supplier, theme, all TEXT).</summary>
    private protected abstract string CreateReclassifyKeySql { get; }

    /// <inheritdoc/>
    public abstract ValueTask DisposeAsync();

    /// <summary>Opens a new connection to the store.</summary>
    private protected abstract Task<TConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one transaction, serialised with every other writer to the store;
    /// rolls back when it throws.</summary>
    private protected abstract Task<T> WriteAsync<T>(Func<TConnection, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Starts a bulk load into <paramref name="table"/>, whose columns the rows fill in order.</summary>
    private protected abstract IBulkWriter BeginBulk(TConnection connection, string table);

    /// <summary>Migrates a newly opened store to the latest schema, disposing it when that fails so that no
    /// connection is left open.</summary>
    private protected static async Task<TStore> MigratedAsync<TStore>(TStore store, CancellationToken cancellationToken)
        where TStore : SqlPlaceStore<TConnection>
    {
        try
        {
            await store.MigrateAsync(cancellationToken);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }

        return store;
    }

    /// <summary>Runs <paramref name="work"/> in one transaction on <paramref name="connection"/>, committed when it
    /// returns and rolled back when it throws.</summary>
    private protected static async Task<T> InTransactionAsync<T>(TConnection connection, Func<TConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        T result;
        try
        {
            result = await work(connection);
        }
        catch
        {
            try
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
            catch (Exception rollback) when (rollback is DbException or InvalidOperationException or IOException)
            {
                // A failed write (a full disk) can leave the transaction aborted so that the rollback fails too
                // ("Current transaction is aborted"): the first failure says why, so it is the one that propagates.
            }

            throw;
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    // The helpers below are SqlCommands' (shared with the area stores), kept here under their old names for the
    // store's own partial files and the engines.
    private protected static DbCommand Command(TConnection connection, string sql, params object?[] parameters) => SqlCommands.Command(connection, sql, parameters);

    private protected static Task<int> ExecuteAsync(TConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters) =>
        SqlCommands.ExecuteAsync(connection, sql, cancellationToken, parameters);

    private protected static Task<T?> ScalarAsync<T>(TConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters) =>
        SqlCommands.ScalarAsync<T>(connection, sql, cancellationToken, parameters);

    private protected static Task<List<T>> QueryAsync<T>(TConnection connection, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] parameters) =>
        SqlCommands.QueryAsync(connection, sql, read, cancellationToken, parameters);

    private protected static string? NullableString(DbDataReader reader, int ordinal) => SqlCommands.NullableString(reader, ordinal);

    private protected static Theme ReadTheme(DbDataReader r) => new(r.GetString(0), r.GetString(1));

    private protected static ClassificationRule ReadRule(DbDataReader r)
    {
        _ = ClassificationRules.TryParseField(r.GetString(0), out var field);
        var match = Enum.Parse<ClassificationMatch>(r.GetString(1), ignoreCase: true);
        return new ClassificationRule(field, match, r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5));
    }
}
