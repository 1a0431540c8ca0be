namespace TotalPlace.Storage.Audit;

/// <summary>Finds the audit trail of a store.</summary>
public static class AuditLog
{
    /// <summary>The <see cref="IAuditLog"/> of an opened store.</summary>
    /// <exception cref="NotSupportedException">The store's engine keeps no audit trail.</exception>
    public static IAuditLog For(IPlaceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store as IAuditLog
            ?? throw new NotSupportedException($"The {store.Engine} store keeps no audit trail.");
    }
}
