using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Concurrency;

/// <summary>The concurrency suite on a DuckDB file.</summary>
public sealed class DuckDbConcurrencyTests(DuckDbFileFixture fixture) : ConcurrencyContract<DuckDbFileFixture>(fixture), IClassFixture<DuckDbFileFixture>
{
    protected override Task<string> NewStoreAsync() => Task.FromResult(Fixture.NewPath());

    /// <summary>DuckDB lets one process write a file (a second process is refused by its file lock), and writers are
    /// serialised by the store object, so the second writer is a second caller of the same store, as two analysts
    /// using one web app are.</summary>
    protected override Task<IPlaceStore> OpenSecondWriterAsync(string target, IPlaceStore first) => Task.FromResult(first);
}
