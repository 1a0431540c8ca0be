namespace TotalPlace.Core.Waste;

/// <summary>One resolved supplier: the entries judged to be the same body, and the links that explain why.</summary>
/// <param name="Key">A stable key: the smallest normalised name in the cluster.</param>
/// <param name="Name">The name to show: the spelling used on most lines.</param>
/// <param name="Members">The entries (partner, published name, id).</param>
/// <param name="Links">The joins that built the cluster (a spanning tree: one fewer than the members).</param>
/// <param name="RegisteredNumber">The company or charity number, when one was published.</param>
public sealed record SupplierCluster(
    string Key,
    string Name,
    IReadOnlyList<SupplierEntry> Members,
    IReadOnlyList<SupplierLink> Links,
    string? RegisteredNumber)
{
    /// <summary>The distinct published spellings.</summary>
    public IReadOnlyList<string> Spellings => [.. Members.Select(m => m.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The distinct partners that use this supplier.</summary>
    public IReadOnlyList<string> Agencies => [.. Members.Select(m => m.Agency).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
