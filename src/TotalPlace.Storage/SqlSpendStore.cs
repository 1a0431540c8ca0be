using System.Data.Common;
using TotalPlace.Storage.Audit;
using TotalPlace.Storage.Identity;
using static TotalPlace.Storage.SqlBatchRows;
using static TotalPlace.Storage.SqlCommands;

namespace TotalPlace.Storage;

/// <summary>The spend area of every SQL engine (<see cref="ISpendStore"/>), written once in portable SQL over the one
/// engine object: committing batches of transactions and statements (SqlSpendStore.Commit.cs), listing, publishing
/// and deleting them (here), the place map, drill-down and supplier totals (SqlSpendStore.Map.cs).</summary>
/// <typeparam name="TConnection">The engine's ADO.NET connection.</typeparam>
internal sealed partial class SqlSpendStore<TConnection>(ISqlEngine<TConnection> engine) : ISpendStore
    where TConnection : DbConnection
{
    /// <inheritdoc/>
    public async Task<ImportBatch?> FindBatchBySha256Async(string placeCode, string sha256, string agency, bool nilReturn, CancellationToken cancellationToken = default)
    {
        var code = CheckCode(placeCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(sha256);
        ArgumentException.ThrowIfNullOrWhiteSpace(agency);
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await LoadPlaceAsync(connection, code, cancellationToken) is { } place
            ? await SameFileAsync(connection, place.Id, sha256, agency, nilReturn, withPublication: true, cancellationToken)
            : null;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ImportBatch>> ListBatchesAsync(string? placeCode, Visibility visibility, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visibility);
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        var batches = placeCode is null
            ? await QueryAsync(connection, PublishedBatchSelect + " ORDER BY b.imported_at DESC, b.batch_id DESC", ReadPublishedBatch, cancellationToken)
            : await QueryAsync(connection, PublishedBatchSelect + " WHERE p.code = $1 ORDER BY b.imported_at DESC, b.batch_id DESC", ReadPublishedBatch, cancellationToken, CheckCode(placeCode));
        return await WithRejectsAsync(connection, [.. batches.Where(visibility.CanSee)], cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<ImportBatch?> SetPublishedAsync(long batchId, bool published, string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (await FindBatchByIdAsync(batchId, cancellationToken) is not { } batch)
        {
            return null;
        }

        var found = await engine.WriteAsync(
            async connection =>
            {
                var placeId = await ScalarAsync<int?>(connection, "SELECT place_id FROM import_batch WHERE batch_id = $1", cancellationToken, batchId);
                if (placeId is null)
                {
                    return false;
                }

                await ExecuteAsync(connection, "DELETE FROM batch_publication WHERE place_id = $1 AND batch_id = $2", cancellationToken, placeId.Value, batchId);
                if (published)
                {
                    await ExecuteAsync(
                        connection,
                        "INSERT INTO batch_publication VALUES ($1, $2, $3, $4)",
                        cancellationToken,
                        placeId.Value,
                        batchId,
                        at.UtcDateTime,
                        by.Trim());
                }

                await SqlAuditTrail.AppendAsync(connection, AuditRecords.BatchPublication(batch, published, by), cancellationToken);
                return true;
            },
            cancellationToken);
        return found ? await FindBatchByIdAsync(batchId, cancellationToken) : null;
    }

    /// <inheritdoc/>
    public async Task<ImportBatch?> DeleteBatchAsync(long batchId, CancellationToken cancellationToken = default)
    {
        var batch = await FindBatchByIdAsync(batchId, cancellationToken);
        if (batch is null)
        {
            return null;
        }

        var deleted = await engine.WriteAsync(
            async connection =>
            {
                var placeId = await ScalarAsync<int?>(connection, "SELECT place_id FROM import_batch WHERE batch_id = $1", cancellationToken, batchId);
                if (placeId is null)
                {
                    return false;
                }

                foreach (var table in new[] { "spend_transaction", "spend_statement", "import_reject", "batch_publication", "import_batch" })
                {
                    await ExecuteAsync(connection, $"DELETE FROM {table} WHERE place_id = $1 AND batch_id = $2", cancellationToken, placeId.Value, batchId);
                }

                await SqlAuditTrail.AppendAsync(connection, AuditRecords.BatchDeleted(batch), cancellationToken);
                return true;
            },
            cancellationToken);
        return deleted ? batch : null;
    }

    private async Task<ImportBatch?> FindBatchByIdAsync(long batchId, CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        var rows = await QueryAsync(connection, PublishedBatchSelect + " WHERE b.batch_id = $1", ReadPublishedBatch, cancellationToken, batchId);
        return rows.Count == 0 ? null : await WithRejectsAsync(connection, rows[0], placeId: null, cancellationToken);
    }
}
