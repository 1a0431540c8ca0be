using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Proposals;

/// <summary>The proposal store contract on PostgreSQL, against a throwaway cluster.</summary>
public sealed class PostgresProposalStoreTests(PostgresClusterFixture fixture) : ProposalStoreContract<PostgresClusterFixture>(fixture), IClassFixture<PostgresClusterFixture>
{
    protected override Task<string> NewStoreAsync() => Fixture.CreateDatabaseAsync(TestContext.Current.CancellationToken);
}
