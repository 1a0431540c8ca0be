namespace TotalPlace.Core.Waste;

/// <summary>The kinds of waste finding.</summary>
public enum FindingKind
{
    /// <summary>A supplier paid by several partners: a joint-procurement opportunity.</summary>
    SharedSupplier,

    /// <summary>Two payments that look like one bill paid twice.</summary>
    DuplicatePayment,

    /// <summary>The same kind of service bought by several partners.</summary>
    ServiceOverlap,

    /// <summary>Buildings of different partners close together and under-used.</summary>
    CoLocation,
}
