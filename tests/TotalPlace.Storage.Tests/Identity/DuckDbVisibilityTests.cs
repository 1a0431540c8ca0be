using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Identity;

/// <summary>The visibility and accounts contract on DuckDB files.</summary>
public sealed class DuckDbVisibilityTests(DuckDbFileFixture fixture) : VisibilityContract<DuckDbFileFixture>(fixture), IClassFixture<DuckDbFileFixture>;
