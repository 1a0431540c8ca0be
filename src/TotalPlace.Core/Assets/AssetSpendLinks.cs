namespace TotalPlace.Core.Assets;

/// <summary>The estate's running cost beside what the spend map already counts of it.</summary>
/// <param name="ByAsset">Assets with at least one linked line, largest linked amount first.</param>
/// <param name="EstateRunningCost">The register's annual running cost over every asset that gives one.</param>
/// <param name="AssetsWithRunningCost">How many assets give a running cost.</param>
/// <param name="LinkedRunningCost">The running cost of the assets that have linked lines.</param>
/// <param name="LinkedSpend">The linked lines' total (each asset's latest linked year).</param>
/// <param name="AmbiguousLines">Premises lines that named two or more assets and were linked to none.</param>
public sealed record AssetSpendLinks(
    IReadOnlyList<AssetSpend> ByAsset,
    decimal EstateRunningCost,
    int AssetsWithRunningCost,
    decimal LinkedRunningCost,
    decimal LinkedSpend,
    int AmbiguousLines)
{
    /// <summary>No assets, no links.</summary>
    public static AssetSpendLinks None { get; } = new([], 0m, 0, 0m, 0m, 0);

    /// <summary>The linked spend of an asset, or null when no line names it.</summary>
    public AssetSpend? Of(Asset asset) => ByAsset.FirstOrDefault(a => ReferenceEquals(a.Asset, asset) || a.Asset == asset);
}
