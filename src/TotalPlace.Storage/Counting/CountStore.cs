namespace TotalPlace.Storage.Counting;

/// <summary>Finds the counting side of a store.</summary>
public static class CountStore
{
    /// <summary>The <see cref="ICountStore"/> of an opened store.</summary>
    /// <exception cref="NotSupportedException">The store is not one of the SQL engines (DuckDB, PostgreSQL).</exception>
    public static ICountStore For(IPlaceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store as ICountStore
            ?? throw new NotSupportedException($"The {store.Engine} store does not keep place packages; the DuckDB and PostgreSQL stores do.");
    }
}
