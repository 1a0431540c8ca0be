using TotalPlace.Storage.Audit;
using TotalPlace.Storage.Identity;

namespace TotalPlace.Storage;

// Publication, deletion and the visibility filter: the store's side of roles, written once for both engines.
public abstract partial class SqlPlaceStore<TConnection>
{
    private const string PublishedBatchSelect =
        "SELECT b.batch_id, p.code, b.agency, b.kind, b.file_name, b.sha256, b.rows_read, b.rows_loaded, b.rows_rejected, b.total, b.imported_by, b.imported_at, " +
        "bp.published_at, bp.published_by " +
        "FROM import_batch b JOIN place p ON p.place_id = b.place_id " +
        "LEFT JOIN batch_publication bp ON bp.place_id = b.place_id AND bp.batch_id = b.batch_id";

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ImportBatch>> ListBatchesAsync(string? placeCode, Visibility visibility, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visibility);
        await using var connection = await OpenConnectionAsync(cancellationToken);
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

        var found = await WriteAsync(
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

                await AuditAsync(connection, AuditRecords.BatchPublication(batch, published, by), cancellationToken);
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

        var deleted = await WriteAsync(
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

                await AuditAsync(connection, AuditRecords.BatchDeleted(batch), cancellationToken);
                return true;
            },
            cancellationToken);
        return deleted ? batch : null;
    }

    private async Task<ImportBatch?> FindBatchByIdAsync(long batchId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await QueryAsync(connection, PublishedBatchSelect + " WHERE b.batch_id = $1", ReadPublishedBatch, cancellationToken, batchId);
        return rows.Count == 0 ? null : await WithRejectsAsync(connection, rows[0], placeId: null, cancellationToken);
    }

    private static ImportBatch ReadPublishedBatch(System.Data.Common.DbDataReader r) => ReadBatch(r) with
    {
        PublishedAt = r.IsDBNull(12) ? null : new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(12), DateTimeKind.Utc)),
        PublishedBy = NullableString(r, 13),
    };
}
