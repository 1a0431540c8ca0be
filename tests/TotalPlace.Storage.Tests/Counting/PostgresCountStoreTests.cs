using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Counting;

/// <summary>The counting store contract on PostgreSQL, against a throwaway cluster.</summary>
public sealed class PostgresCountStoreTests(PostgresClusterFixture fixture) : CountStoreContract<PostgresClusterFixture>(fixture), IClassFixture<PostgresClusterFixture>
{
    protected override Task<string> NewStoreAsync() => Fixture.CreateDatabaseAsync(TestContext.Current.CancellationToken);
}
