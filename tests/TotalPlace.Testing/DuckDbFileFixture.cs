using TotalPlace.Storage;
using TotalPlace.Storage.DuckDb;

namespace TotalPlace.Testing;

/// <summary>Real DuckDB files in a temporary folder, deleted when the fixture is disposed.</summary>
public sealed class DuckDbFileFixture : IPlaceStoreFixture, IDisposable
{
    private int _count;

    /// <summary>The folder holding this fixture's store files.</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory("totalplace-duckdb-").FullName;

    /// <inheritdoc/>
    public string Engine => DuckDbPlaceStore.EngineName;

    /// <summary>A path for a new store file that does not exist yet.</summary>
    public string NewPath() => Path.Combine(Folder, $"store-{Interlocked.Increment(ref _count)}.duckdb");

    /// <inheritdoc/>
    public async Task<IPlaceStore> CreateStoreAsync(CancellationToken cancellationToken = default) =>
        await DuckDbPlaceStore.OpenAsync(NewPath(), cancellationToken);

    /// <summary>Opens (or reopens) the store at <paramref name="path"/>.</summary>
    public async Task<DuckDbPlaceStore> OpenAsync(string path, CancellationToken cancellationToken = default) =>
        await DuckDbPlaceStore.OpenAsync(path, cancellationToken);

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A store still open elsewhere keeps its file; the OS temp cleaner takes it later.
        }
    }
}
