using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Partnership;

/// <summary>The partnership store contract on DuckDB files.</summary>
public sealed class DuckDbPartnershipStoreTests(DuckDbFileFixture fixture) : PartnershipStoreContract<DuckDbFileFixture>(fixture), IClassFixture<DuckDbFileFixture>
{
    protected override Task<string> NewStoreAsync() => Task.FromResult(Fixture.NewPath());
}
