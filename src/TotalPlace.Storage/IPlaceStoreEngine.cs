namespace TotalPlace.Storage;

/// <summary>An engine that opens stores: implemented once per engine project and named by
/// <see cref="PlaceStoreEngineAttribute"/>, so <see cref="PlaceStore"/> can open any engine the application ships
/// without this project referencing the engines (the way ADO.NET provider factories are found).</summary>
public interface IPlaceStoreEngine
{
    /// <summary>The engine name, e.g. "duckdb".</summary>
    string Name { get; }

    /// <summary>Opens (and migrates) a store.</summary>
    Task<IPlaceStore> OpenAsync(string target, CancellationToken cancellationToken = default);

    /// <summary>Opens an existing store for reading only (no migration, no writes); an engine without a reader mode
    /// opens it as <see cref="OpenAsync"/> does.</summary>
    Task<IPlaceStore> OpenReadOnlyAsync(string target, CancellationToken cancellationToken = default) => OpenAsync(target, cancellationToken);
}
