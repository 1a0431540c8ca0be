using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Waste;

/// <summary>The waste store contract on PostgreSQL, against a throwaway cluster.</summary>
public sealed class PostgresWasteStoreTests(PostgresClusterFixture fixture) : WasteStoreContract<PostgresClusterFixture>(fixture), IClassFixture<PostgresClusterFixture>
{
    protected override Task<string> NewStoreAsync() => Fixture.CreateDatabaseAsync(TestContext.Current.CancellationToken);
}
