using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Concurrency;

/// <summary>The concurrency suite on a DuckDB file.</summary>
public sealed class DuckDbConcurrencyTests(DuckDbFileFixture fixture) : ConcurrencyContract<DuckDbFileFixture>(fixture), IClassFixture<DuckDbFileFixture>
{
    protected override Task<string> NewStoreAsync() => Task.FromResult(Fixture.NewPath());
}
