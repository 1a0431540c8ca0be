namespace TotalPlace.Storage.Rules;

/// <summary>Finds the rule-editing side of a store.</summary>
public static class RuleWorkbench
{
    /// <summary>The <see cref="IRuleWorkbench"/> of an opened store.</summary>
    /// <exception cref="NotSupportedException">The store is not one of the SQL engines.</exception>
    public static IRuleWorkbench For(IPlaceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store as IRuleWorkbench
            ?? throw new NotSupportedException($"The {store.Engine} store cannot preview or reorder rules; the DuckDB and PostgreSQL stores can.");
    }
}
