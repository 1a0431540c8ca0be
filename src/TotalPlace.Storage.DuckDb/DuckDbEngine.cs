using TotalPlace.Storage;
using TotalPlace.Storage.DuckDb;

[assembly: PlaceStoreEngine(typeof(DuckDbEngine))]

namespace TotalPlace.Storage.DuckDb;

/// <summary>Opens DuckDB stores for <see cref="PlaceStore"/>.</summary>
public sealed class DuckDbEngine : IPlaceStoreEngine
{
    /// <inheritdoc/>
    public string Name => DuckDbPlaceStore.EngineName;

    /// <inheritdoc/>
    public async Task<IPlaceStore> OpenAsync(string target, CancellationToken cancellationToken = default) =>
        await DuckDbPlaceStore.OpenAsync(target, cancellationToken);

    /// <inheritdoc/>
    public async Task<IPlaceStore> OpenReadOnlyAsync(string target, CancellationToken cancellationToken = default) =>
        await DuckDbPlaceStore.OpenReadOnlyAsync(target, cancellationToken);
}
