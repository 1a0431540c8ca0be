namespace TotalPlace.Storage.Partnership;

/// <summary>Finds the partnership side of a store.</summary>
public static class PartnershipStore
{
    /// <summary>The <see cref="IPartnershipStore"/> of an opened store.</summary>
    /// <exception cref="NotSupportedException">The store's engine does not keep offers yet.</exception>
    public static IPartnershipStore For(IPlaceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store as IPartnershipStore
            ?? throw new NotSupportedException($"The {store.Engine} store does not keep offers yet; use a DuckDB store file.");
    }
}
