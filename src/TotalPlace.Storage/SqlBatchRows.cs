using System.Data.Common;
using TotalPlace.Core.Spending;
using static TotalPlace.Storage.SqlCommands;

namespace TotalPlace.Storage;

/// <summary>The row-level steps on import batches that the spend and counting areas share inside their own
/// transactions: reading a batch with its rejects, the same-file key (migration 020), writing a batch's header and
/// rejects, and bulk-loading its transaction lines through the engine's writer.</summary>
internal static class SqlBatchRows
{
    public const string BatchSelect =
        "SELECT b.batch_id, p.code, b.agency, b.kind, b.file_name, b.sha256, b.rows_read, b.rows_loaded, b.rows_rejected, b.total, b.imported_by, b.imported_at " +
        "FROM import_batch b JOIN place p ON p.place_id = b.place_id";

    public const string PublishedBatchSelect =
        "SELECT b.batch_id, p.code, b.agency, b.kind, b.file_name, b.sha256, b.rows_read, b.rows_loaded, b.rows_rejected, b.total, b.imported_by, b.imported_at, " +
        "bp.published_at, bp.published_by " +
        "FROM import_batch b JOIN place p ON p.place_id = b.place_id " +
        "LEFT JOIN batch_publication bp ON bp.place_id = b.place_id AND bp.batch_id = b.batch_id";

    public static ImportBatch ReadBatch(DbDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        r.GetInt32(6),
        r.GetInt32(7),
        r.GetInt32(8),
        r.GetDecimal(9),
        r.GetString(10),
        new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(11), DateTimeKind.Utc)),
        []);

    public static ImportBatch ReadPublishedBatch(DbDataReader r) => ReadBatch(r) with
    {
        PublishedAt = r.IsDBNull(12) ? null : new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(12), DateTimeKind.Utc)),
        PublishedBy = NullableString(r, 13),
    };

    private static BatchReject ReadReject(DbDataReader r, int first) =>
        new(r.GetInt32(first), r.GetString(first + 1), r.GetString(first + 2), r.GetString(first + 3));

    /// <summary>The batches with their rejected rows attached (one query for every batch's rejects).</summary>
    public static async Task<IReadOnlyList<ImportBatch>> WithRejectsAsync(DbConnection connection, IReadOnlyList<ImportBatch> batches, CancellationToken cancellationToken)
    {
        if (batches.Count == 0)
        {
            return [];
        }

        // Only the listed batches' range of ids is read: a place's list must not load every rejected row in the store.
        var rejects = await QueryAsync(
            connection,
            "SELECT batch_id, row_no, column_name, cell_value, message FROM import_reject WHERE batch_id BETWEEN $1 AND $2 ORDER BY batch_id, row_no",
            r => (Batch: r.GetInt64(0), Reject: ReadReject(r, 1)),
            cancellationToken,
            batches.Min(b => b.Id),
            batches.Max(b => b.Id));
        var byBatch = rejects.ToLookup(r => r.Batch, r => r.Reject);
        return [.. batches.Select(b => byBatch.Contains(b.Id) ? b with { Rejects = [.. byBatch[b.Id]] } : b)];
    }

    /// <summary>One batch with its rejected rows attached; the place narrows the read to the place's shard on Citus.</summary>
    public static async Task<ImportBatch> WithRejectsAsync(DbConnection connection, ImportBatch batch, int? placeId, CancellationToken cancellationToken)
    {
        const string Columns = "SELECT row_no, column_name, cell_value, message FROM import_reject ";
        var rejects = placeId is { } place
            ? await QueryAsync(connection, Columns + "WHERE place_id = $1 AND batch_id = $2 ORDER BY row_no", r => ReadReject(r, 0), cancellationToken, place, batch.Id)
            : await QueryAsync(connection, Columns + "WHERE batch_id = $1 ORDER BY row_no", r => ReadReject(r, 0), cancellationToken, batch.Id);
        return batch with { Rejects = rejects };
    }

    /// <summary>The place's first batch of these bytes (any kind, any agency), with its rejects, or null.</summary>
    public static async Task<ImportBatch?> FindBatchAsync(DbConnection connection, int placeId, string sha256, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(connection, BatchSelect + " WHERE b.place_id = $1 AND b.sha256 = $2 ORDER BY b.batch_id", ReadBatch, cancellationToken, placeId, sha256.Trim().ToLowerInvariant());
        return rows.Count == 0 ? null : await WithRejectsAsync(connection, rows[0], placeId, cancellationToken);
    }

    /// <summary>The batch that makes this file one already stored in the place, or null when it may be stored: the same
    /// agency's batch of the same bytes (already imported, nothing added), or another agency's batch of the same bytes
    /// (one published file is not two partners' spend: the caller refuses it) unless both are nil returns, which two
    /// partners may publish byte-identically and each stores for itself. <paramref name="nilReturn"/> is null before
    /// the lines are read: another agency's nil returns then let the read go on, and the check runs again after.</summary>
    /// <param name="connection">The connection to read on.</param>
    /// <param name="placeId">The place.</param>
    /// <param name="sha256">The file's SHA-256.</param>
    /// <param name="agency">The agency the file is for.</param>
    /// <param name="nilReturn">Whether the file is a nil return (no line stored, none left out); null when not yet known.</param>
    /// <param name="withPublication">Read the batch's publication state too (for a reader who shows it).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<ImportBatch?> SameFileAsync(DbConnection connection, int placeId, string sha256, string agency, bool? nilReturn, bool withPublication, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<ImportBatch>(
            connection,
            (withPublication ? PublishedBatchSelect : BatchSelect) + " WHERE b.place_id = $1 AND b.sha256 = $2 ORDER BY b.batch_id",
            withPublication ? ReadPublishedBatch : ReadBatch,
            cancellationToken,
            placeId,
            sha256.Trim().ToLowerInvariant());
        if (rows.Count == 0)
        {
            return null;
        }

        var same = rows.FirstOrDefault(b => string.Equals(b.Agency.Trim(), agency.Trim(), StringComparison.OrdinalIgnoreCase));
        if (same is null && nilReturn != false && rows.All(IsNilReturn))
        {
            return null;
        }

        return await WithRejectsAsync(connection, same ?? rows[0], placeId, cancellationToken);
    }

    /// <summary>A transactions batch with no line stored and none left out: a nil return.</summary>
    public static bool IsNilReturn(ImportBatch batch) =>
        batch.Kind == BatchKinds.Transactions && batch.RowsLoaded == 0 && batch.RowsRejected == 0;

    /// <summary>The key part that lets each agency store its own copy of a nil return (see migration 020).</summary>
    public static string NilScope(string agency) => agency.Trim().ToLowerInvariant();

    public static string CheckHeader(BatchHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentException.ThrowIfNullOrWhiteSpace(header.FileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(header.Sha256);
        ArgumentNullException.ThrowIfNull(header.Rejects);
        ArgumentOutOfRangeException.ThrowIfNegative(header.RowsRead);
        return CheckCode(header.PlaceCode);
    }

    /// <summary>Writes a batch's header row and its rejects (bulk-loaded), returning the batch as stored.</summary>
    public static async Task<ImportBatch> InsertBatchAsync<TConnection>(
        ISqlEngine<TConnection> engine, TConnection connection, int placeId, long batchId, string kind, BatchHeader header, int loaded, decimal total, CancellationToken cancellationToken, string nilScope = "")
        where TConnection : DbConnection
    {
        var importedAt = header.ImportedAt.ToUniversalTime();
        await ExecuteAsync(
            connection,
            "INSERT INTO import_batch (place_id, batch_id, kind, agency, file_name, sha256, rows_read, rows_loaded, rows_rejected, total, imported_by, imported_at, nil_agency) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            cancellationToken,
            placeId,
            batchId,
            kind,
            header.Agency?.Trim() ?? "",
            header.FileName,
            header.Sha256.Trim().ToLowerInvariant(),
            header.RowsRead,
            loaded,
            header.Rejects.Count,
            total,
            header.ImportedBy ?? "",
            importedAt.UtcDateTime,
            nilScope);
        if (header.Rejects.Count > 0)
        {
            using var appender = engine.BeginBulk(connection, "import_reject");
            foreach (var reject in header.Rejects)
            {
                appender.CreateRow()
                    .AppendValue(placeId)
                    .AppendValue(batchId)
                    .AppendValue(reject.Row)
                    .AppendValue(reject.Column ?? "")
                    .AppendValue(reject.Value ?? "")
                    .AppendValue(reject.Message ?? "")
                    .EndRow();
            }

            appender.Complete();
        }

        var rows = await QueryAsync(connection, BatchSelect + " WHERE b.place_id = $1 AND b.batch_id = $2", ReadBatch, cancellationToken, placeId, batchId);
        return await WithRejectsAsync(connection, rows[0], placeId, cancellationToken);
    }

    /// <summary>Writes the lines with the engine's bulk load while a second thread reads, checks and classifies them
    /// (<see cref="LinePipeline"/>): reading and writing overlap instead of taking turns on one core.</summary>
    /// <remarks>Enumerating may throw (the importer reports a bad file at the end): the exception comes out of here
    /// as thrown and the caller's transaction rolls back, so nothing of the batch remains.</remarks>
    public static async Task<(int Count, decimal Total)> AppendTransactionsAsync<TConnection>(
        ISqlEngine<TConnection> engine, TConnection connection, string fileName, IEnumerable<Transaction> lines, StoreClassifier classifier, int placeId, long batchId, int agencyId, CancellationToken cancellationToken)
        where TConnection : DbConnection
    {
        await using var pipeline = LinePipeline.Start(lines, classifier, fileName, cancellationToken);
        var stored = await engine.AppendBlocksAsync(
            connection,
            "spend_transaction",
            pipeline,
            (row, classified) => WriteTransactionRow(row, classified, placeId, batchId, agencyId),
            cancellationToken);

        // Rethrows what ended the reading (a rejected file, a refused amount, a cancellation), so the transaction
        // rolls back.
        var read = await pipeline.CompleteAsync();
        if (stored != read.Count)
        {
            // The batch's count and total come from the lines read; a store that kept a different number of rows would
            // make them a wrong total that looks right.
            throw new PlaceStoreException($"{fileName}: {read.Count:N0} lines were read but the store took {stored:N0}; nothing was stored.");
        }

        return read;
    }

    /// <summary>A line as a row of <c>spend_transaction</c>, every column in the table's order.</summary>
    public static void WriteTransactionRow(IBulkWriter row, ClassifiedLine classified, int placeId, long batchId, int agencyId)
    {
        var line = classified.Line;
        row.AppendValue(placeId)
            .AppendValue(batchId)
            .AppendValue(classified.LineNo)
            .AppendValue(agencyId)
            .AppendValue(line.Date)
            .AppendValue(line.FiscalYear.StartYear)
            .AppendValue(line.Amount)
            .AppendValue(line.Supplier)
            .AppendValue(line.SupplierId)
            .AppendValue(line.Body)
            .AppendValue(line.Reference)
            .AppendValue(line.ExpenseType)
            .AppendValue(line.ExpenseArea)
            .AppendValue(line.ServiceCode)
            .AppendValue(line.Description)
            .AppendValue(line.SourceRow)
            .AppendValue(classified.Theme)
            .AppendValue(line.ContractReference)
            .AppendValue(line.InvoiceNumber);
    }

    /// <summary>The row-at-a-time bulk load every engine can do (<see cref="ISqlEngine{TConnection}.BeginBulk"/>):
    /// one writer takes the pipeline's blocks in order.</summary>
    public static async Task<long> AppendBlocksRowByRowAsync<TConnection>(
        ISqlEngine<TConnection> engine, TConnection connection, string table, LinePipeline pipeline, Action<IBulkWriter, ClassifiedLine> writeRow)
        where TConnection : DbConnection
    {
        using var appender = engine.BeginBulk(connection, table);
        await foreach (var block in pipeline.ReadBlocksAsync())
        {
            foreach (var classified in block)
            {
                if (classified.Line is null)
                {
                    break;
                }

                writeRow(appender.CreateRow(), classified);
                appender.EndRow();
            }

            pipeline.Return(block);
        }

        // What ended the reading is rethrown before the rows are completed, so a rejected file is never flushed.
        await pipeline.CompleteAsync();
        return appender.Complete();
    }
}
