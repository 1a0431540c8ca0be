using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Streaming;

/// <summary>The streaming commit contract on the PostgreSQL engine (binary COPY), against a throwaway cluster.</summary>
public sealed class PostgresStreamingCommitTests(PostgresClusterFixture fixture)
    : StreamingCommitContract<PostgresClusterFixture>(fixture), IClassFixture<PostgresClusterFixture>;
