namespace TotalPlace.Storage.Waste;

/// <summary>Finds the waste side of a store.</summary>
public static class WasteStore
{
    /// <summary>The <see cref="IWasteStore"/> of an opened store.</summary>
    /// <exception cref="NotSupportedException">The store is not one of the SQL engines (DuckDB, PostgreSQL), which keep waste findings.</exception>
    public static IWasteStore For(IPlaceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store as IWasteStore
            ?? throw new NotSupportedException($"The {store.Engine} store does not keep waste findings; the DuckDB and PostgreSQL stores do.");
    }
}
