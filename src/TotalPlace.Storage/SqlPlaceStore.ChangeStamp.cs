using System.Globalization;

namespace TotalPlace.Storage;

public abstract partial class SqlPlaceStore<TConnection>
{
    /// <inheritdoc/>
    /// <remarks>Built from what the store says: the place's import batches (count, newest id, rows, total), its
    /// population, and the newest audit entry about the place or the whole store. The audit entry is what moves when
    /// the counted figures change without a batch being added or removed: a batch published or withdrawn (what a
    /// reader may count), lines reclassified, an agency or theme renamed; every such write records one in its own
    /// transaction. An engine with a cheaper signal (the embedded engine's file stamp) overrides it.</remarks>
    public virtual async Task<string> ChangeStampAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        var place = placeCode.Trim().ToUpperInvariant();
        var batches = await Spend.ListBatchesAsync(place, cancellationToken);
        var found = await Places.FindPlaceAsync(place, cancellationToken);
        var population = found is null ? 0 : found.Population.Aggregate(17L, (h, p) => unchecked((h * 31) + p.Key.GetHashCode() + (p.Value * 7)));
        long newestAudit;
        await using (var connection = await OpenConnectionAsync(cancellationToken))
        {
            newestAudit = await SqlCommands.ScalarAsync<long>(
                connection, "SELECT coalesce(max(audit_id), 0) FROM audit_log WHERE place_code IN ($1, '')", cancellationToken, place);
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"b{batches.Count}:{(batches.Count == 0 ? 0 : batches.Max(b => b.Id))}:{batches.Sum(b => (long)b.RowsLoaded)}:{batches.Sum(b => b.Total)}:p{population}:a{newestAudit}");
    }
}
