using System.Data.Common;
using TotalPlace.Core.Places;

namespace TotalPlace.Storage;

/// <summary>The composition root of the SQL engines (DuckDB, PostgreSQL): it opens and migrates the store, keeps the
/// change stamp, and exposes the areas (spend, places, rules, counting, waste, partnership, proposals, audit,
/// accounts, mappings), each its own class written once in portable SQL over this one engine object
/// (<see cref="ISqlEngine{TConnection}"/>). An engine supplies only what differs: opening connections, serialising
/// writers, bulk loading and the few statements whose dialect differs.</summary>
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
        SqlPlaceRows.EnsurePlaceAsync(this, connection, code, cancellationToken);

    IBulkWriter ISqlEngine<TConnection>.BeginBulk(TConnection connection, string table) => BeginBulk(connection, table);

    Task<long> ISqlEngine<TConnection>.AppendBlocksAsync(TConnection connection, string table, LinePipeline pipeline, Action<IBulkWriter, ClassifiedLine> writeRow, CancellationToken cancellationToken) =>
        AppendBlocksAsync(connection, table, pipeline, writeRow, cancellationToken);

    Task ISqlEngine<TConnection>.AfterLinesLoadedAsync(string table, int linesLoaded, CancellationToken cancellationToken) =>
        AfterLinesLoadedAsync(table, linesLoaded, cancellationToken);

    string ISqlEngine<TConnection>.CreateReclassifyKeySql => CreateReclassifyKeySql;

    /// <summary>The area stores, each its own class over the one engine object.</summary>
    private sealed class StoreAreas
    {
        public StoreAreas(ISqlEngine<TConnection> engine)
        {
            Spend = new SqlSpendStore<TConnection>(engine);
            Rules = new Rules.SqlRuleWorkbench<TConnection>(engine);
            Places = new SqlPlacesStore<TConnection>(engine, Rules);
            Counting = new Counting.SqlCountStore<TConnection>(engine);
            Proposals = new Proposals.SqlProposalStore<TConnection>(engine);
            Partnership = new Partnership.SqlPartnershipStore<TConnection>(engine);
            Audit = new Audit.SqlAuditLog<TConnection>(engine);
            Mappings = new Imports.SqlImportMappingStore<TConnection>(engine);
            Accounts = new Identity.SqlAccountStore<TConnection>(engine);
            Waste = new Waste.SqlWasteStore<TConnection>(engine);
        }

        public ISpendStore Spend { get; }

        public Rules.SqlRuleWorkbench<TConnection> Rules { get; }

        public IPlacesStore Places { get; }

        public Counting.ICountStore Counting { get; }

        public Proposals.IProposalStore Proposals { get; }

        public Partnership.IPartnershipStore Partnership { get; }

        public Audit.IAuditLog Audit { get; }

        public Imports.IImportMappingStore Mappings { get; }

        public Identity.IAccountStore Accounts { get; }

        public Waste.IWasteStore Waste { get; }
    }

    /// <inheritdoc/>
    public abstract string Engine { get; }

    /// <inheritdoc/>
    public ISpendStore Spend => Areas.Spend;

    /// <inheritdoc/>
    public IPlacesStore Places => Areas.Places;

    /// <inheritdoc/>
    public Waste.IWasteStore Waste => Areas.Waste;

    /// <inheritdoc/>
    public Partnership.IPartnershipStore Partnership => Areas.Partnership;

    /// <inheritdoc/>
    public Audit.IAuditLog Audit => Areas.Audit;

    /// <inheritdoc/>
    public Identity.IAccountStore Accounts => Areas.Accounts;

    /// <inheritdoc/>
    public Rules.IRuleWorkbench Rules => Areas.Rules;

    /// <inheritdoc/>
    public Counting.ICountStore Counting => Areas.Counting;

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

    /// <summary>Bulk loads a pipeline's lines; by default one row at a time through <see cref="BeginBulk"/>.</summary>
    private protected virtual Task<long> AppendBlocksAsync(TConnection connection, string table, LinePipeline pipeline, Action<IBulkWriter, ClassifiedLine> writeRow, CancellationToken cancellationToken) =>
        SqlBatchRows.AppendBlocksRowByRowAsync(this, connection, table, pipeline, writeRow);

    /// <summary>Runs after a batch of lines has been committed to <paramref name="table"/>, outside its transaction:
    /// where an engine keeps planner statistics that a large load makes stale (PostgreSQL), it refreshes them here.</summary>
    private protected virtual Task AfterLinesLoadedAsync(string table, int linesLoaded, CancellationToken cancellationToken) => Task.CompletedTask;

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

    // SqlCommands' helpers under short names, for the engines' own statements (migration, sealing, opening).
    private protected static Task<int> ExecuteAsync(TConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters) =>
        SqlCommands.ExecuteAsync(connection, sql, cancellationToken, parameters);

    private protected static Task<T?> ScalarAsync<T>(TConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters) =>
        SqlCommands.ScalarAsync<T>(connection, sql, cancellationToken, parameters);

    private protected static Task<List<T>> QueryAsync<T>(TConnection connection, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] parameters) =>
        SqlCommands.QueryAsync(connection, sql, read, cancellationToken, parameters);
}
