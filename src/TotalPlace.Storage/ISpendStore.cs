using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;

namespace TotalPlace.Storage;

/// <summary>The spend area of a store: import batches of transactions and statements, their publication, the place
/// map, drill-down and supplier totals.</summary>
/// <remarks>Every write of imported data is one atomic batch: committed whole or not at all.</remarks>
public interface ISpendStore
{
    /// <summary>
    /// Commits one batch of transactions atomically, classifying each line with the store's rules. Returns the
    /// existing batch, adding nothing, when a batch with the same SHA-256 was already committed for the place.
    /// </summary>
    /// <remarks>Atomic: when enumerating <paramref name="lines"/> throws (the importer throws at the end of a file with
    /// errors), everything is rolled back and the exception is rethrown. Amounts are held to 4 decimal places (a
    /// hundredth of a penny) because some publishers give 3; a line with more places, or beyond ±£99 trillion, is
    /// refused with a <see cref="PlaceStoreException"/> naming its row. The place is created on first use and the
    /// agency with kind <see cref="AgencyKind.Other"/> when new (call <see cref="IPlacesStore.EnsureAgencyAsync"/> first to set it).</remarks>
    Task<BatchResult> CommitTransactionsAsync(BatchHeader header, IEnumerable<Transaction> lines, CancellationToken cancellationToken = default);

    /// <summary>Commits one batch of transactions like
    /// <see cref="CommitTransactionsAsync(BatchHeader, IEnumerable{Transaction}, CancellationToken)"/>, for a
    /// streaming reader that knows the rows read and rejected only at the end: <paramref name="complete"/> is called
    /// once, after <paramref name="lines"/> has been enumerated, and the header it returns is stored.</summary>
    /// <exception cref="ArgumentException">The completed header names a different place or SHA-256.</exception>
    Task<BatchResult> CommitTransactionsAsync(BatchHeader header, IEnumerable<Transaction> lines, Func<BatchHeader, BatchHeader> complete, CancellationToken cancellationToken = default);

    /// <summary>Commits one batch of aggregate spend statements atomically; idempotent by SHA-256 like transactions.
    /// Each line's agency is created when new; its theme is taken as a theme code or name when it is one, and
    /// otherwise classified as a service (an expense area) by the place's rules.</summary>
    Task<BatchResult> CommitStatementsAsync(BatchHeader header, IEnumerable<SpendStatement> lines, CancellationToken cancellationToken = default);

    /// <summary>The provenance list: every batch, newest first.</summary>
    Task<IReadOnlyList<ImportBatch>> ListBatchesAsync(string? placeCode = null, CancellationToken cancellationToken = default);

    /// <summary>The batches <paramref name="visibility"/> lets a reader see, newest first, with their publication
    /// state (<see cref="ImportBatch.PublishedAt"/>, <see cref="ImportBatch.PublishedBy"/>).</summary>
    Task<IReadOnlyList<ImportBatch>> ListBatchesAsync(string? placeCode, Identity.Visibility visibility, CancellationToken cancellationToken = default);

    /// <summary>The batch that already holds these bytes in the place under the store's same-file key (migration 020),
    /// exactly as a commit would find it, with its publication state and rejects; null when committing the file would
    /// store a new batch (or the store has no such place). The agency's own batch of the bytes comes first (of any
    /// kind: committing adds nothing); otherwise another agency's earliest batch of the bytes (one published file is not
    /// two partners' spend: the commit is refused), unless the file is a nil return and every batch of the bytes is a
    /// nil return (a transactions batch with no line stored and none left out), which each agency stores for itself.</summary>
    /// <param name="placeCode">The place (a GSS code).</param>
    /// <param name="sha256">The file's SHA-256, in hex (any case).</param>
    /// <param name="agency">The agency the file is for.</param>
    /// <param name="nilReturn">True when the file is a nil return: no line to store and none left out.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<ImportBatch?> FindBatchBySha256Async(string placeCode, string sha256, string agency, bool nilReturn, CancellationToken cancellationToken = default);

    /// <summary>Publishes a batch (everyone may then read it) or withdraws it; returns the batch as it now is, or
    /// null when the store has no batch with this id.</summary>
    Task<ImportBatch?> SetPublishedAsync(long batchId, bool published, string by, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Deletes a batch with its lines and rejects, atomically; returns the batch deleted, or null when the
    /// store has no batch with this id. Importing the same file again afterwards loads it anew.</summary>
    Task<ImportBatch?> DeleteBatchAsync(long batchId, CancellationToken cancellationToken = default);

    /// <summary>The place map: totals grouped by the requested dimensions, with per-head figures.</summary>
    Task<PlaceMap> MapAsync(MapQuery query, CancellationToken cancellationToken = default);

    /// <summary>Transaction lines for drill-down, filtered, sorted and paged; each row carries its batch, file and row.</summary>
    Task<Page<TransactionRow>> QueryTransactionsAsync(TransactionQuery query, CancellationToken cancellationToken = default);

    /// <summary>The suppliers paid most across the place's transactions (the query's filters apply; its grouping and
    /// source are ignored), largest first.</summary>
    Task<IReadOnlyList<SupplierTotal>> TopSuppliersAsync(MapQuery query, int count = 20, CancellationToken cancellationToken = default);
}
