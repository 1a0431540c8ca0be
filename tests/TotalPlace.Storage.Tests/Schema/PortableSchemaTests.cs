using TotalPlace.Storage.DuckDb;
using TotalPlace.Storage.Postgres;

namespace TotalPlace.Storage.Tests.Schema;

/// <summary>The schema files: the portable ones live with the contract and both engines run them unchanged; an engine
/// keeps its own file only where its dialect differs (a twin under the same number) or for engine-only migrations.</summary>
public sealed class PortableSchemaTests
{
    // PostgreSQL-only migrations: 050-099 make the schema Citus-ready; 120 adds the waste review's indexes.
    private static bool PostgresOnly(int version) => version is >= 50 and <= 99 or 120;

    private static IReadOnlyList<Migration> Portable => Migration.Discover(typeof(Migration).Assembly);

    [Fact]
    public void Portable_EveryFile_IsRunUnchangedByBothEngines()
    {
        Assert.NotEmpty(Portable);
        foreach (var migration in Portable)
        {
            Assert.Equal(migration.Sql, Assert.Single(DuckDbPlaceStore.Migrations, m => m.Version == migration.Version).Sql);
            Assert.Equal(migration.Sql, Assert.Single(PostgresPlaceStore.Migrations, m => m.Version == migration.Version).Sql);
        }
    }

    [Fact]
    public void Engines_ApplyTheSameVersionsUnderTheSameNames_ApartFromPostgresOnlyOnes()
    {
        // A portable migration left in one engine's folder (not the contract's Schema folder) would reach only that
        // engine; this fails instead.
        var duck = DuckDbPlaceStore.Migrations.Select(m => (m.Version, m.Name)).ToList();
        var postgres = PostgresPlaceStore.Migrations.Where(m => !PostgresOnly(m.Version)).Select(m => (m.Version, m.Name)).ToList();

        Assert.Equal(duck, postgres);
    }

    [Fact]
    public void EngineTwins_AreOnlyWhereTheDialectDiffers()
    {
        var portable = Portable.Select(m => m.Version).ToHashSet();
        var twins = DuckDbPlaceStore.Migrations.Where(m => !portable.Contains(m.Version)).ToList();

        Assert.Equal(new[] { 20, 300, 310 }, twins.Select(m => m.Version));
        foreach (var twin in twins)
        {
            Assert.NotEqual(twin.Sql, Assert.Single(PostgresPlaceStore.Migrations, m => m.Version == twin.Version).Sql);
        }
    }
}
