namespace TotalPlace.Core.Waste;

/// <summary>Tuning of supplier resolution. The defaults were set on the labelled set (docs/performance/waste.md).</summary>
public sealed record SupplierResolverOptions
{
    /// <summary>The default options.</summary>
    public static readonly SupplierResolverOptions Default = new();

    /// <summary>The weighted token agreement two names need to be joined by similarity (0 to 1).</summary>
    public double SimilarityThreshold { get; init; } = 0.9;

    /// <summary>Tokens shared by more names than this are too common to block on (keeps comparisons near-linear).</summary>
    public int MaxBlockSize { get; init; } = 200;

    /// <summary>Shortest token in which one typo (edit or transposition) is forgiven.</summary>
    public int TypoMinLength { get; init; } = 5;
}
