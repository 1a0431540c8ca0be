using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Concurrency;

/// <summary>The concurrency suite on PostgreSQL (writers serialised across processes by an advisory lock).</summary>
public sealed class PostgresConcurrencyTests(PostgresClusterFixture fixture) : ConcurrencyContract<PostgresClusterFixture>(fixture), IClassFixture<PostgresClusterFixture>
{
    protected override Task<string> NewStoreAsync() => Fixture.CreateDatabaseAsync(TestContext.Current.CancellationToken);
}
