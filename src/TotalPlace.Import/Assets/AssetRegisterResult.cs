using TotalPlace.Core.Assets;

namespace TotalPlace.Import.Assets;

/// <summary>An asset register read from a file: the assets, and every problem found (file, row, column).</summary>
public sealed record AssetRegisterResult(IReadOnlyList<Asset> Assets, IReadOnlyList<ImportError> Errors)
{
    /// <summary>True when the file can be loaded whole.</summary>
    public bool IsValid => Errors.Count == 0;
}
