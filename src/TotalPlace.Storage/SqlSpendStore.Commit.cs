using System.Globalization;
using System.Text.Json.Nodes;
using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;
using TotalPlace.Storage.Audit;
using static TotalPlace.Storage.SqlBatchRows;
using static TotalPlace.Storage.SqlCommands;
using static TotalPlace.Storage.SqlPlaceRows;

namespace TotalPlace.Storage;

internal sealed partial class SqlSpendStore<TConnection>
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
            result = await engine.WriteAsync(
                async connection =>
                {
                    var placeId = await EnsureAuditedPlaceAsync(engine, connection, code, cancellationToken);
                    if (hashKnown && await SameFileAsync(connection, placeId, header.Sha256, header.Agency, nilReturn: null, withPublication: false, cancellationToken) is { } existing)
                    {
                        return new BatchResult(existing, AlreadyImported: true);
                    }

                    // The agency is created here, inside the commit's transaction, so a refused file leaves no agency.
                    var agencyId = await EnsureBatchAgencyAsync(connection, code, placeId, header, cancellationToken);
                    var classifier = await ClassifierAsync(connection, placeId, cancellationToken);
                    var batchId = await ScalarAsync<long>(connection, "SELECT nextval('import_batch_id')", cancellationToken);
                    var (count, total) = await AppendTransactionsAsync(engine, connection, header.FileName, lines, classifier, placeId, batchId, agencyId, cancellationToken);

                    var completed = complete(header);
                    if (!string.Equals(CheckHeader(completed), code, StringComparison.Ordinal) ||
                        (hashKnown && !string.Equals(completed.Sha256.Trim(), header.Sha256.Trim(), StringComparison.OrdinalIgnoreCase)))
                    {
                        throw new ArgumentException("The completed batch header must keep the place and SHA-256 it started with.", nameof(complete));
                    }

                    var nilReturn = count == 0 && completed.Rejects.Count == 0;
                    if (await SameFileAsync(connection, placeId, completed.Sha256, header.Agency, nilReturn, withPublication: false, cancellationToken) is { } found)
                    {
                        // Throwing rolls the lines just appended (and an agency just created) back; the batch found is the answer.
                        throw new AlreadyImportedException(found);
                    }

                    var batch = await InsertBatchAsync(engine, connection, placeId, batchId, BatchKinds.Transactions, completed, count, total, cancellationToken, nilReturn ? NilScope(header.Agency) : "");
                    await SqlAuditTrail.AppendAsync(connection, ImportedRecord(batch), cancellationToken);
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
            await engine.AfterLinesLoadedAsync("spend_transaction", result.Batch.RowsLoaded, cancellationToken);
        }

        return result;
    }

    /// <summary>Finds or creates the batch's agency inside the commit's transaction. With <see cref="BatchHeader.AgencyKind"/>
    /// the agency gets (or is corrected to) that kind and its default funding source, audited as a change to the
    /// agency; without it a new agency is of kind <see cref="AgencyKind.Other"/>.</summary>
    private static async Task<int> EnsureBatchAgencyAsync(TConnection connection, string code, int placeId, BatchHeader header, CancellationToken cancellationToken)
    {
        if (header.AgencyKind is not { } kind)
        {
            return (await EnsureAgencyAsync(connection, placeId, new Agency(header.Agency, AgencyKind.Other, FundingSource.Unknown), overwrite: false, cancellationToken)).Id;
        }

        var (stored, id, before) = await EnsureAgencyAsync(connection, placeId, new Agency(header.Agency.Trim(), kind, Agency.DefaultFundingSource(kind)), overwrite: true, cancellationToken);
        await SqlAuditTrail.AppendIfAsync(connection, StoreAuditRecords.Agency(code, before, stored), cancellationToken);
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
        return engine.WriteAsync(
            async connection =>
            {
                var placeId = await EnsureAuditedPlaceAsync(engine, connection, code, cancellationToken);
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
                        (_, agencyId, _) = await EnsureAgencyAsync(connection, placeId, new Agency(line.Agency, AgencyKind.Other, FundingSource.Unknown), overwrite: false, cancellationToken);
                        agencies[line.Agency.Trim()] = agencyId;
                    }

                    rows.Add((line, agencyId));
                    total += line.Amount;
                }

                using (var appender = engine.BeginBulk(connection, "spend_statement"))
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

                var batch = await InsertBatchAsync(engine, connection, placeId, batchId, BatchKinds.Statements, header, rows.Count, total, cancellationToken);
                await SqlAuditTrail.AppendAsync(connection, ImportedRecord(batch, agencies.Keys), cancellationToken);
                return new BatchResult(batch, AlreadyImported: false);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ImportBatch>> ListBatchesAsync(string? placeCode = null, CancellationToken cancellationToken = default) =>
        ListBatchesAsync(placeCode, Identity.Visibility.All, cancellationToken);

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
}
