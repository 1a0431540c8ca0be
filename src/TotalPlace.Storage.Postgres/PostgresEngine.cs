using TotalPlace.Storage;
using TotalPlace.Storage.Postgres;

[assembly: PlaceStoreEngine(typeof(PostgresEngine))]

namespace TotalPlace.Storage.Postgres;

/// <summary>Opens PostgreSQL stores for <see cref="PlaceStore"/>.</summary>
public sealed class PostgresEngine : IPlaceStoreEngine
{
    /// <inheritdoc/>
    public string Name => PostgresPlaceStore.EngineName;

    /// <inheritdoc/>
    public async Task<IPlaceStore> OpenAsync(string target, CancellationToken cancellationToken = default) =>
        await PostgresPlaceStore.OpenAsync(target, cancellationToken);
}
