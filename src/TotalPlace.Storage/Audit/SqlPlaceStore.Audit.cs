using TotalPlace.Storage.Audit;

namespace TotalPlace.Storage;

/// <summary>The store's side of the audit trail that belongs to migrating: every write path appends its entry in its
/// own transaction (<see cref="SqlAuditTrail"/>); here, sealing the entries older than the hash chain when migration 310 is applied.
/// Reading the trail is <see cref="SqlAuditLog{TConnection}"/>, the <see cref="IPlaceStore.Audit"/> area.</summary>
public abstract partial class SqlPlaceStore<TConnection>
{
    /// <summary>The migration that added the hash chain; entries older than it are sealed when it is applied.</summary>
    private protected const int AuditChainMigration = 310;

    /// <summary>Seals the entries written before the hash chain existed (migration 310), in id order, inside the
    /// migration's transaction; runs once, when that migration is applied, so an entry added later without a hash is
    /// never sealed (verification reports it instead).</summary>
    private protected async Task SealAuditChainAsync(TConnection connection, CancellationToken cancellationToken)
    {
        var entries = await QueryAsync(connection, $"SELECT {SqlAuditTrail.Columns} FROM audit_log ORDER BY audit_id, place_code", SqlAuditTrail.ReadEntry, cancellationToken);
        if (entries.Count == 0)
        {
            return;
        }

        await BeforeSealingAsync(connection, cancellationToken);
        var previous = AuditChain.Genesis;
        foreach (var entry in entries)
        {
            var hash = AuditChain.Hash(entry, previous);
            await ExecuteAsync(
                connection,
                "UPDATE audit_log SET prev_hash = $1, entry_hash = $2 WHERE place_code = $3 AND audit_id = $4",
                cancellationToken,
                previous,
                hash,
                entry.PlaceCode,
                entry.Id);
            previous = hash;
        }

        await AfterSealingAsync(connection, cancellationToken);
    }

    /// <summary>Lets the sealing UPDATE past an engine's append-only guard (PostgreSQL's trigger), inside the
    /// migration's transaction.</summary>
    private protected virtual Task BeforeSealingAsync(TConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Puts the guard back before the migration commits.</summary>
    private protected virtual Task AfterSealingAsync(TConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;
}
