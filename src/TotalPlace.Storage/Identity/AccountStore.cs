namespace TotalPlace.Storage.Identity;

/// <summary>Finds the accounts side of a store.</summary>
public static class AccountStore
{
    /// <summary>The <see cref="IAccountStore"/> of an opened store.</summary>
    /// <exception cref="NotSupportedException">The store's engine keeps no accounts.</exception>
    public static IAccountStore For(IPlaceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store as IAccountStore
            ?? throw new NotSupportedException($"The {store.Engine} store keeps no accounts.");
    }
}
