using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Counting;

/// <summary>The counting store contract on DuckDB files.</summary>
public sealed class DuckDbCountStoreTests(DuckDbFileFixture fixture) : CountStoreContract<DuckDbFileFixture>(fixture), IClassFixture<DuckDbFileFixture>
{
    protected override Task<string> NewStoreAsync() => Task.FromResult(Fixture.NewPath());
}
