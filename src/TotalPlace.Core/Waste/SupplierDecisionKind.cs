namespace TotalPlace.Core.Waste;

/// <summary>A reviewer's decision about two supplier names.</summary>
public enum SupplierDecisionKind
{
    /// <summary>The two names are one supplier.</summary>
    Merge,

    /// <summary>The two names are different suppliers, whatever the algorithm thinks.</summary>
    Split,
}
