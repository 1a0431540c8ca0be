using System.Globalization;

namespace TotalPlace.Storage;

public abstract partial class SqlPlaceStore<TConnection>
{
    /// <inheritdoc/>
    /// <remarks>Built from what the store says: the place's import batches (count, newest id, rows, total) and its
    /// population; two small queries. An engine with a cheaper signal (the embedded engine's file stamp) overrides
    /// it.</remarks>
    public virtual async Task<string> ChangeStampAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        var place = placeCode.Trim().ToUpperInvariant();
        var batches = await Spend.ListBatchesAsync(place, cancellationToken);
        var found = await Places.FindPlaceAsync(place, cancellationToken);
        var population = found is null ? 0 : found.Population.Aggregate(17L, (h, p) => unchecked((h * 31) + p.Key.GetHashCode() + (p.Value * 7)));
        return string.Create(CultureInfo.InvariantCulture,
            $"b{batches.Count}:{(batches.Count == 0 ? 0 : batches.Max(b => b.Id))}:{batches.Sum(b => (long)b.RowsLoaded)}:{batches.Sum(b => b.Total)}:p{population}");
    }
}
