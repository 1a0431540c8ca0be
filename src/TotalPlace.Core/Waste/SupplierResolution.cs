namespace TotalPlace.Core.Waste;

/// <summary>The outcome of supplier resolution: clusters, entries kept out, and joins refused by decisions or numbers.</summary>
public sealed class SupplierResolution
{
    private readonly Dictionary<SupplierEntry, SupplierCluster> _byEntry;
    private readonly Dictionary<SupplierEntry, ExcludedSupplier> _excluded;

    internal SupplierResolution(IReadOnlyList<SupplierCluster> clusters, IReadOnlyList<ExcludedSupplier> excluded, IReadOnlyList<SupplierLink> refused)
    {
        Clusters = clusters;
        Excluded = excluded;
        Refused = refused;
        _byEntry = [];
        foreach (var cluster in clusters)
        {
            foreach (var member in cluster.Members)
            {
                _byEntry[member] = cluster;
            }
        }

        _excluded = excluded.ToDictionary(e => e.Entry);
    }

    /// <summary>Every resolved supplier, the most-spelled first.</summary>
    public IReadOnlyList<SupplierCluster> Clusters { get; }

    /// <summary>Redacted, personal and missing entries, reported and never matched.</summary>
    public IReadOnlyList<ExcludedSupplier> Excluded { get; }

    /// <summary>Joins the algorithm proposed but a split decision or differing registered numbers blocked.</summary>
    public IReadOnlyList<SupplierLink> Refused { get; }

    /// <summary>The cluster of an entry; null when it was excluded or never seen.</summary>
    public SupplierCluster? ClusterOf(SupplierEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _byEntry.GetValueOrDefault(entry);
    }

    /// <summary>The cluster of a partner's line; null when its supplier was excluded or never seen.</summary>
    public SupplierCluster? ClusterOf(PartnerTransaction line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return ClusterOf(SupplierResolver.EntryOf(line));
    }

    /// <summary>Why an entry was kept out of matching; null when it was matched.</summary>
    public SupplierEntryKind? ExclusionOf(SupplierEntry entry) =>
        _excluded.TryGetValue(entry, out var e) ? e.Kind : null;
}
