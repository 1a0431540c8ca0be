using System.Globalization;
using System.Text.Json.Nodes;
using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;
using TotalPlace.Storage.Audit;

namespace TotalPlace.Storage;

public abstract partial class SqlPlaceStore<TConnection>
{
    /// <inheritdoc/>
    public Task<BatchResult> CommitTransactionsAsync(BatchHeader header, IEnumerable<Transaction> lines, CancellationToken cancellationToken = default) =>
        CommitTransactionsAsync(header, lines, h => h, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>A header may start with an empty <see cref="BatchHeader.Sha256"/> when the reader hashes the file as it
    /// streams (one read of the file, not two): <paramref name="complete"/> must then supply it, and the duplicate
    /// check runs after the lines are read; a file already imported is rolled back and its batch returned, so the
    /// same file still adds nothing the second time.</remarks>
    public async Task<BatchResult> CommitTransactionsAsync(BatchHeader header, IEnumerable<Transaction> lines, Func<BatchHeader, BatchHeader> complete, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complete);
        ArgumentNullException.ThrowIfNull(header);
        var hashKnown = !string.IsNullOrWhiteSpace(header.Sha256);
        var code = CheckHeader(hashKnown ? header : header with { Sha256 = "-" });
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentException.ThrowIfNullOrWhiteSpace(header.Agency);
        BatchResult result;
        try
        {
            result = await WriteAsync(
                async connection =>
                {
                    var placeId = await EnsureAuditedPlaceAsync(connection, code, cancellationToken);
                    if (hashKnown && await SameFileAsync(connection, placeId, header.Sha256, header.Agency, nilReturn: null, cancellationToken) is { } existing)
                    {
                        return new BatchResult(existing, AlreadyImported: true);
                    }

                    // The agency is created here, inside the commit's transaction, so a refused file leaves no agency.
                    var agencyId = await EnsureBatchAgencyAsync(connection, code, placeId, header, cancellationToken);
                    var classifier = await ClassifierAsync(connection, placeId, cancellationToken);
                    var batchId = await ScalarAsync<long>(connection, "SELECT nextval('import_batch_id')", cancellationToken);
                    var (count, total) = await AppendTransactionsAsync(connection, header.FileName, lines, classifier, placeId, batchId, agencyId, cancellationToken);

                    var completed = complete(header);
                    if (!string.Equals(CheckHeader(completed), code, StringComparison.Ordinal) ||
                        (hashKnown && !string.Equals(completed.Sha256.Trim(), header.Sha256.Trim(), StringComparison.OrdinalIgnoreCase)))
                    {
                        throw new ArgumentException("The completed batch header must keep the place and SHA-256 it started with.", nameof(complete));
                    }

                    var nilReturn = count == 0 && completed.Rejects.Count == 0;
                    if (await SameFileAsync(connection, placeId, completed.Sha256, header.Agency, nilReturn, cancellationToken) is { } found)
                    {
                        // Throwing rolls the lines just appended (and an agency just created) back; the batch found is the answer.
                        throw new AlreadyImportedException(found);
                    }

                    var batch = await InsertBatchAsync(connection, placeId, batchId, BatchKinds.Transactions, completed, count, total, cancellationToken, nilReturn ? NilScope(header.Agency) : "");
                    await AuditAsync(connection, ImportedRecord(batch), cancellationToken);
                    return new BatchResult(batch, AlreadyImported: false);
                },
                cancellationToken);
        }
        catch (AlreadyImportedException already)
        {
            return new BatchResult(already.Batch, AlreadyImported: true);
        }

        if (!result.AlreadyImported)
        {
            await AfterLinesLoadedAsync("spend_transaction", result.Batch.RowsLoaded, cancellationToken);
        }

        return result;
    }

    /// <summary>Runs after a batch of lines has been committed to <paramref name="table"/>, outside its transaction:
    /// where an engine keeps planner statistics that a large load makes stale (PostgreSQL), it refreshes them here.</summary>
    private protected virtual Task AfterLinesLoadedAsync(string table, int linesLoaded, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Writes the lines with the engine's bulk writer while a second thread reads, checks and classifies
    /// them (<see cref="LinePipeline"/>): the reader and the writer overlap instead of taking turns on one core.</summary>
    /// <remarks>Enumerating may throw (the importer reports a bad file at the end): the exception comes out of here
    /// as thrown, the writer is disposed and the caller's transaction rolled back, so nothing of the batch remains.</remarks>
    private async Task<(int Count, decimal Total)> AppendTransactionsAsync(
        TConnection connection, string fileName, IEnumerable<Transaction> lines, StoreClassifier classifier, int placeId, long batchId, int agencyId, CancellationToken cancellationToken)
    {
        await using var pipeline = LinePipeline.Start(lines, classifier, fileName, cancellationToken);
        using (var appender = BeginBulk(connection, "spend_transaction"))
        {
            await foreach (var block in pipeline.ReadBlocksAsync())
            {
                foreach (var (line, lineNo, theme) in block)
                {
                    if (line is null)
                    {
                        break;
                    }

                    appender.CreateRow()
                        .AppendValue(placeId)
                        .AppendValue(batchId)
                        .AppendValue(lineNo)
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
                        .AppendValue(theme)
                        .AppendValue(line.ContractReference)
                        .AppendValue(line.InvoiceNumber)
                        .EndRow();
                }

                pipeline.Return(block);
            }

            // Rethrows what ended the reading (a rejected file, a refused amount, a cancellation) before the rows are
            // completed, so the transaction rolls back.
            var result = await pipeline.CompleteAsync();
            appender.Complete();
            return result;
        }
    }

    /// <summary>The batch that makes this file one already stored in the place, or null when it may be stored: the same
    /// agency's batch of the same bytes (already imported, nothing added), or another agency's batch of the same bytes
    /// (one published file is not two partners' spend: the caller refuses it) unless both are nil returns, which two
    /// partners may publish byte-identically and each stores for itself. <paramref name="nilReturn"/> is null before
    /// the lines are read: another agency's nil returns then let the read go on, and the check runs again after.</summary>
    private protected static async Task<ImportBatch?> SameFileAsync(TConnection connection, int placeId, string sha256, string agency, bool? nilReturn, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            connection,
            BatchSelect + " WHERE b.place_id = $1 AND b.sha256 = $2 ORDER BY b.batch_id",
            ReadBatch,
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

    /// <summary>Finds or creates the place inside the commit's transaction (a refused file leaves no place behind),
    /// auditing its creation as <see cref="IPlacesStore.EnsurePlaceAsync"/> does.</summary>
    private async Task<int> EnsureAuditedPlaceAsync(TConnection connection, string code, CancellationToken cancellationToken)
    {
        var before = (await LoadPlaceAsync(connection, code, cancellationToken))?.Place;
        var (place, placeId) = await EnsurePlaceAsync(connection, code, cancellationToken);
        await AuditIfAsync(connection, StoreAuditRecords.Place(before, place), cancellationToken);
        return placeId;
    }

    /// <summary>A transactions batch with no line stored and none left out: a nil return.</summary>
    private static bool IsNilReturn(ImportBatch batch) =>
        batch.Kind == BatchKinds.Transactions && batch.RowsLoaded == 0 && batch.RowsRejected == 0;

    /// <summary>The key part that lets each agency store its own copy of a nil return (see migration 020).</summary>
    private static string NilScope(string agency) => agency.Trim().ToLowerInvariant();

    /// <summary>Finds or creates the batch's agency inside the commit's transaction. With <see cref="BatchHeader.AgencyKind"/>
    /// the agency gets (or is corrected to) that kind and its default funding source, audited as a change to the
    /// agency; without it a new agency is of kind <see cref="AgencyKind.Other"/>.</summary>
    private async Task<int> EnsureBatchAgencyAsync(TConnection connection, string code, int placeId, BatchHeader header, CancellationToken cancellationToken)
    {
        if (header.AgencyKind is not { } kind)
        {
            return (await EnsureAgencyAsync(connection, placeId, new Agency(header.Agency, AgencyKind.Other, FundingSource.Unknown), overwrite: false, cancellationToken)).Id;
        }

        var before = (await QueryAsync(
            connection,
            "SELECT name, kind, funding_source FROM agency WHERE place_id = $1 AND lower(name) = lower($2)",
            ReadAgency,
            cancellationToken,
            placeId,
            header.Agency.Trim())).FirstOrDefault();
        var (stored, id) = await EnsureAgencyAsync(connection, placeId, new Agency(header.Agency.Trim(), kind, Agency.DefaultFundingSource(kind)), overwrite: true, cancellationToken);
        await AuditIfAsync(connection, StoreAuditRecords.Agency(code, before, stored), cancellationToken);
        return id;
    }

    /// <summary>Carries a batch found after streaming out of the write transaction, rolling back the lines appended.</summary>
    private sealed class AlreadyImportedException(ImportBatch batch) : Exception("The file was already imported.")
    {
        public ImportBatch Batch { get; } = batch;
    }

    /// <inheritdoc/>
    public Task<BatchResult> CommitStatementsAsync(BatchHeader header, IEnumerable<SpendStatement> lines, CancellationToken cancellationToken = default)
    {
        var code = CheckHeader(header);
        ArgumentNullException.ThrowIfNull(lines);
        return WriteAsync(
            async connection =>
            {
                var placeId = await EnsureAuditedPlaceAsync(connection, code, cancellationToken);
                if (await FindBatchAsync(connection, placeId, header.Sha256, cancellationToken) is { } existing)
                {
                    return new BatchResult(existing, AlreadyImported: true);
                }

                var classifier = await ClassifierAsync(connection, placeId, cancellationToken);
                var batchId = await ScalarAsync<long>(connection, "SELECT nextval('import_batch_id')", cancellationToken);
                var agencies = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                var rows = new List<(SpendStatement Line, int AgencyId)>();
                var total = 0m;

                // Statements are few (hundreds per file); they are read whole first because creating an agency needs
                // statements on the connection that an open appender would interleave with.
                foreach (var line in lines)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    ArgumentNullException.ThrowIfNull(line, nameof(lines));
                    if (string.IsNullOrWhiteSpace(line.Agency))
                    {
                        throw new PlaceStoreException($"{header.FileName}, row {line.SourceRow}, column agency: a statement needs an agency.", header.FileName, line.SourceRow, "agency");
                    }

                    if (StoreAmounts.Check(line.Amount) is { } problem)
                    {
                        throw new PlaceStoreException($"{header.FileName}, row {line.SourceRow}, column amount: {problem}.", header.FileName, line.SourceRow, "amount");
                    }

                    if (!agencies.TryGetValue(line.Agency.Trim(), out var agencyId))
                    {
                        (_, agencyId) = await EnsureAgencyAsync(connection, placeId, new Agency(line.Agency, AgencyKind.Other, FundingSource.Unknown), overwrite: false, cancellationToken);
                        agencies[line.Agency.Trim()] = agencyId;
                    }

                    rows.Add((line, agencyId));
                    total += line.Amount;
                }

                using (var appender = BeginBulk(connection, "spend_statement"))
                {
                    var lineNo = 0;
                    foreach (var (line, agencyId) in rows)
                    {
                        appender.CreateRow()
                            .AppendValue(placeId)
                            .AppendValue(batchId)
                            .AppendValue(++lineNo)
                            .AppendValue(agencyId)
                            .AppendValue(line.Theme.Trim())
                            .AppendValue(classifier.ClassifyStatement(line.Theme))
                            .AppendValue(line.FundingStream?.Trim() ?? "")
                            .AppendValue(line.Year.StartYear)
                            .AppendValue(line.Kind.ToString())
                            .AppendValue(line.Amount)
                            .AppendValue(line.SourceRow)
                            .EndRow();
                    }

                    appender.Complete();
                }

                var batch = await InsertBatchAsync(connection, placeId, batchId, BatchKinds.Statements, header, rows.Count, total, cancellationToken);
                await AuditAsync(connection, ImportedRecord(batch, agencies.Keys), cancellationToken);
                return new BatchResult(batch, AlreadyImported: false);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ImportBatch>> ListBatchesAsync(string? placeCode = null, CancellationToken cancellationToken = default) =>
        ListBatchesAsync(placeCode, Identity.Visibility.All, cancellationToken);

    /// <summary>The batches with their rejected rows attached (one query for every batch's rejects).</summary>
    private protected static async Task<IReadOnlyList<ImportBatch>> WithRejectsAsync(TConnection connection, IReadOnlyList<ImportBatch> batches, CancellationToken cancellationToken)
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
    private protected static async Task<ImportBatch> WithRejectsAsync(TConnection connection, ImportBatch batch, int? placeId, CancellationToken cancellationToken)
    {
        const string Columns = "SELECT row_no, column_name, cell_value, message FROM import_reject ";
        var rejects = placeId is { } place
            ? await QueryAsync(connection, Columns + "WHERE place_id = $1 AND batch_id = $2 ORDER BY row_no", r => ReadReject(r, 0), cancellationToken, place, batch.Id)
            : await QueryAsync(connection, Columns + "WHERE batch_id = $1 ORDER BY row_no", r => ReadReject(r, 0), cancellationToken, batch.Id);
        return batch with { Rejects = rejects };
    }

    private static BatchReject ReadReject(System.Data.Common.DbDataReader r, int first) =>
        new(r.GetInt32(first), r.GetString(first + 1), r.GetString(first + 2), r.GetString(first + 3));

    private const string BatchSelect =
        "SELECT b.batch_id, p.code, b.agency, b.kind, b.file_name, b.sha256, b.rows_read, b.rows_loaded, b.rows_rejected, b.total, b.imported_by, b.imported_at " +
        "FROM import_batch b JOIN place p ON p.place_id = b.place_id";

    private protected static ImportBatch ReadBatch(System.Data.Common.DbDataReader r) => new(
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

    // An idempotent re-import (same SHA-256) changes nothing, so it writes no entry: the trail lists changes only.
    private static AuditRecord ImportedRecord(ImportBatch batch, IEnumerable<string>? agencies = null)
    {
        var details = new JsonObject
        {
            ["kind"] = batch.Kind,
            ["file"] = batch.FileName,
            ["sha256"] = batch.Sha256,
            ["rowsRead"] = batch.RowsRead,
            ["rowsLoaded"] = batch.RowsLoaded,
            ["rowsRejected"] = batch.RowsRejected,
            ["total"] = batch.Total,
            ["importedBy"] = batch.ImportedBy,
        };
        if (agencies is not null)
        {
            details["agencies"] = new JsonArray([.. agencies.Order(StringComparer.OrdinalIgnoreCase).Select(a => (JsonNode?)JsonValue.Create(a))]);
        }

        var what = batch.Kind == BatchKinds.Statements ? "statement lines" : "transactions";
        return new AuditRecord(
            AuditActions.BatchImported,
            AuditSubjects.Batch,
            batch.Id.ToString(CultureInfo.InvariantCulture),
            batch.PlaceCode,
            batch.Agency,
            $"Imported {batch.FileName}: {batch.RowsLoaded:N0} {what} totalling {AuditRecords.Pounds(batch.Total)}" +
                (batch.RowsRejected > 0 ? $", {batch.RowsRejected:N0} rows left out." : "."),
            details,
            batch.ImportedBy);
    }

    private protected static string CheckHeader(BatchHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentException.ThrowIfNullOrWhiteSpace(header.FileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(header.Sha256);
        ArgumentNullException.ThrowIfNull(header.Rejects);
        ArgumentOutOfRangeException.ThrowIfNegative(header.RowsRead);
        return CheckCode(header.PlaceCode);
    }

    private protected static async Task<ImportBatch?> FindBatchAsync(TConnection connection, int placeId, string sha256, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(connection, BatchSelect + " WHERE b.place_id = $1 AND b.sha256 = $2 ORDER BY b.batch_id", ReadBatch, cancellationToken, placeId, sha256.Trim().ToLowerInvariant());
        return rows.Count == 0 ? null : await WithRejectsAsync(connection, rows[0], placeId, cancellationToken);
    }

    private protected async Task<ImportBatch> InsertBatchAsync(TConnection connection, int placeId, long batchId, string kind, BatchHeader header, int loaded, decimal total, CancellationToken cancellationToken, string nilScope = "")
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
            using var appender = BeginBulk(connection, "import_reject");
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

    private protected static async Task<StoreClassifier> ClassifierAsync(TConnection connection, int placeId, CancellationToken cancellationToken)
    {
        var rules = await QueryAsync(
            connection,
            "SELECT field, match_kind, pattern, theme, priority, note FROM classification_rule WHERE place_id = $1 ORDER BY rule_no",
            ReadRule,
            cancellationToken,
            placeId);
        return new StoreClassifier(new ClassificationRules(rules), await ThemesAsync(connection, cancellationToken));
    }
}
