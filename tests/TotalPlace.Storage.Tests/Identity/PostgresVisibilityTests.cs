using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Identity;

/// <summary>The visibility and accounts contract on PostgreSQL, against a throwaway cluster.</summary>
public sealed class PostgresVisibilityTests(PostgresClusterFixture fixture) : VisibilityContract<PostgresClusterFixture>(fixture), IClassFixture<PostgresClusterFixture>;
