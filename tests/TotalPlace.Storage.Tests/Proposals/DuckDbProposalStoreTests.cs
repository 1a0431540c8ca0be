using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Proposals;

/// <summary>The proposal store contract on DuckDB files.</summary>
public sealed class DuckDbProposalStoreTests(DuckDbFileFixture fixture) : ProposalStoreContract<DuckDbFileFixture>(fixture), IClassFixture<DuckDbFileFixture>
{
    protected override Task<string> NewStoreAsync() => Task.FromResult(Fixture.NewPath());
}
