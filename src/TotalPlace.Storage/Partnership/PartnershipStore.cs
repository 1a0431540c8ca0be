namespace TotalPlace.Storage.Partnership;

/// <summary>Finds the partnership side of a store.</summary>
public static class PartnershipStore
{
    /// <summary>The <see cref="IPartnershipStore"/> of an opened store.</summary>
    /// <exception cref="NotSupportedException">The store is not one of the SQL engines (DuckDB, PostgreSQL), which keep offers.</exception>
    public static IPartnershipStore For(IPlaceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store as IPartnershipStore
            ?? throw new NotSupportedException($"The {store.Engine} store does not keep offers; the DuckDB and PostgreSQL stores do.");
    }
}
