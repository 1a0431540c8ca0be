namespace TotalPlace.Storage.Waste;

/// <summary>Finds the waste side of a store.</summary>
public static class WasteStore
{
    /// <summary>The <see cref="IWasteStore"/> of an opened store.</summary>
    /// <exception cref="NotSupportedException">The store's engine does not keep waste findings yet.</exception>
    public static IWasteStore For(IPlaceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store as IWasteStore
            ?? throw new NotSupportedException($"The {store.Engine} store does not keep waste findings yet; use a DuckDB store file.");
    }
}
