using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Waste;

/// <summary>The waste store contract on DuckDB files.</summary>
public sealed class DuckDbWasteStoreTests(DuckDbFileFixture fixture) : WasteStoreContract<DuckDbFileFixture>(fixture), IClassFixture<DuckDbFileFixture>
{
    protected override Task<string> NewStoreAsync() => Task.FromResult(Fixture.NewPath());
}
