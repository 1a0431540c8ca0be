using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Partnership;

/// <summary>The partnership store contract on PostgreSQL, against a throwaway cluster.</summary>
public sealed class PostgresPartnershipStoreTests(PostgresClusterFixture fixture) : PartnershipStoreContract<PostgresClusterFixture>(fixture), IClassFixture<PostgresClusterFixture>
{
    protected override Task<string> NewStoreAsync() => Fixture.CreateDatabaseAsync(TestContext.Current.CancellationToken);
}
