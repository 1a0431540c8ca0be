using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Streaming;

/// <summary>The streaming commit contract on the embedded DuckDB engine.</summary>
public sealed class DuckDbStreamingCommitTests(DuckDbFileFixture fixture)
    : StreamingCommitContract<DuckDbFileFixture>(fixture), IClassFixture<DuckDbFileFixture>;
