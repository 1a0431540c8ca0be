namespace TotalPlace.Core.Assets;

/// <summary>Assets of different partners close together, at least one under-used: a candidate to share one building.</summary>
/// <param name="Assets">The assets in the group.</param>
/// <param name="Keep">The asset the estimate keeps (the largest floor area), the others being vacated.</param>
/// <param name="MaxDistanceMetres">The longest distance between two assets of the group that are linked.</param>
/// <param name="RunningCost">The group's annual running cost.</param>
/// <param name="RevenueSaving">Estimated annual saving: vacated assets' running cost × the saved share.</param>
/// <param name="CapitalReceipt">Estimated receipt: vacated freehold floor area × the assumed value per square metre.</param>
/// <param name="Fits">Whether the space in use across the group fits into the kept asset (needs floor area and utilisation).</param>
/// <param name="Assumptions">The assumptions behind the figures, in words.</param>
public sealed record CoLocationCandidate(
    IReadOnlyList<Asset> Assets,
    Asset Keep,
    double MaxDistanceMetres,
    decimal RunningCost,
    decimal RevenueSaving,
    decimal CapitalReceipt,
    bool? Fits,
    IReadOnlyList<string> Assumptions)
{
    /// <summary>The partners involved.</summary>
    public IReadOnlyList<string> Agencies => [.. Assets.Select(a => a.Agency).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
