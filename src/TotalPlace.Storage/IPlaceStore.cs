using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;

namespace TotalPlace.Storage;

/// <summary>
/// The store of counted places: places, agencies, import batches, transactions, statements and the place map.
/// One logical schema, implemented by the embedded DuckDB engine and the PostgreSQL server engine.
/// </summary>
/// <remarks>Every row is keyed by place (the distribution key when a place outgrows one machine). Every write
/// of imported data is one atomic batch: committed whole or not at all.</remarks>
public interface IPlaceStore : IAsyncDisposable
{
    /// <summary>The engine's name, e.g. "duckdb" or "postgres", for messages and reports.</summary>
    string Engine { get; }

    /// <summary>Brings the schema up to the latest version. Safe to call on every start.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns the place, creating it on first use (name and population from the bundled ONS list where known).</summary>
    Task<Place> EnsurePlaceAsync(string placeCode, CancellationToken cancellationToken = default);

    /// <summary>Creates or updates a place with an explicit name and population (the demo and tests use this).</summary>
    Task<Place> UpsertPlaceAsync(Place place, CancellationToken cancellationToken = default);

    /// <summary>All places in the store.</summary>
    Task<IReadOnlyList<Place>> ListPlacesAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns the agency in the place, creating it when new; an existing agency keeps its kind unless one is given.</summary>
    Task<Agency> EnsureAgencyAsync(string placeCode, Agency agency, CancellationToken cancellationToken = default);

    /// <summary>The agencies of a place.</summary>
    Task<IReadOnlyList<Agency>> ListAgenciesAsync(string placeCode, CancellationToken cancellationToken = default);

    /// <summary>The themes known to the store (defaults plus user-added ones).</summary>
    Task<IReadOnlyList<Theme>> ListThemesAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a user-defined theme.</summary>
    Task AddThemeAsync(Theme theme, CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits one batch of transactions atomically, classifying each line with the store's rules. Returns the
    /// existing batch, adding nothing, when a batch with the same SHA-256 was already committed for the place.
    /// </summary>
    Task<BatchResult> CommitTransactionsAsync(BatchHeader header, IEnumerable<Transaction> lines, CancellationToken cancellationToken = default);

    /// <summary>Commits one batch of aggregate spend statements atomically; idempotent by SHA-256 like transactions.</summary>
    Task<BatchResult> CommitStatementsAsync(BatchHeader header, IEnumerable<SpendStatement> lines, CancellationToken cancellationToken = default);

    /// <summary>The provenance list: every batch, newest first.</summary>
    Task<IReadOnlyList<ImportBatch>> ListBatchesAsync(string? placeCode = null, CancellationToken cancellationToken = default);

    /// <summary>The place map: totals grouped by the requested dimensions, with per-head figures.</summary>
    Task<PlaceMap> MapAsync(MapQuery query, CancellationToken cancellationToken = default);

    /// <summary>Transaction lines for drill-down, filtered, sorted and paged.</summary>
    Task<Page<TransactionRow>> QueryTransactionsAsync(TransactionQuery query, CancellationToken cancellationToken = default);
}
