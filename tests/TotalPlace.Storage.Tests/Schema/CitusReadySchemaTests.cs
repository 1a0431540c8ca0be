using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Npgsql;
using TotalPlace.Storage.Postgres;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Schema;

/// <summary>The PostgreSQL schema obeys the rules that let Citus distribute it by place, read from the catalog of a
/// fully migrated database (every area's migrations, so tables added later are checked too), and the Citus script
/// deploy/citus/distribute.sql names every table with a role the schema allows. See docs/scaling.md.</summary>
/// <remarks>Citus itself is not installed here: these are the conditions its create_distributed_table and
/// create_reference_table check, plus the ones that keep a place's queries on one node.</remarks>
public sealed partial class CitusReadySchemaTests(PostgresClusterFixture fixture) : IClassFixture<PostgresClusterFixture>
{
    /// <summary>The distribution key of every co-located place-scoped table.</summary>
    private const string PlaceKey = "place_id";

    /// <summary>The place directory: maps a GSS code to place_id, so it is keyed by place_id yet must be a reference
    /// table (its unique code could not be enforced on a table distributed by place_id).</summary>
    private const string PlaceDirectory = "place";

    /// <summary>Tables that stay on the coordinator.</summary>
    private static readonly string[] s_local = ["schema_version"];

    /// <summary>Append-only line tables, bulk loaded and scanned by column: no primary key by design
    /// (docs/architecture.md), so migration 050 gives them REPLICA IDENTITY FULL for online shard moves.</summary>
    private static readonly string[] s_keyless = ["spend_transaction", "spend_statement", "import_reject"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlaceScopedTables_EveryPrimaryAndUniqueKey_IncludesPlaceId()
    {
        var catalog = await MigratedCatalogAsync();

        var broken = new List<string>();
        foreach (var table in catalog.Tables.Where(t => catalog.HasColumn(t, PlaceKey) && t != PlaceDirectory))
        {
            var keys = catalog.Keys.Where(k => k.Table == table).ToList();
            if (!keys.Any(k => k.Kind == 'p') && !s_keyless.Contains(table))
            {
                broken.Add($"{table} has {PlaceKey} but no primary key (add one that starts with {PlaceKey})");
            }

            broken.AddRange(keys.Where(k => !k.Columns.Contains(PlaceKey))
                .Select(k => $"{table}: {(k.Kind == 'p' ? "primary key" : "unique key")} {k.Name} ({string.Join(", ", k.Columns)}) lacks {PlaceKey}"));
            var column = catalog.Columns.Single(c => c.Table == table && c.Name == PlaceKey);
            if (!column.NotNull || column.Type != "integer")
            {
                broken.Add($"{table}.{PlaceKey} is {column.Type}{(column.NotNull ? "" : " NULL")}; co-location needs INTEGER NOT NULL in every table");
            }
        }

        Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken));
        Assert.Contains("spend_transaction", catalog.Tables);
    }

    [Fact]
    public async Task ForeignKeys_NeverCrossPlaces()
    {
        var catalog = await MigratedCatalogAsync();
        var distributed = catalog.Tables.Where(t => catalog.HasColumn(t, PlaceKey) && t != PlaceDirectory).ToHashSet();

        var broken = new List<string>();
        foreach (var fk in catalog.ForeignKeys)
        {
            if (distributed.Contains(fk.Table) && distributed.Contains(fk.Target))
            {
                // A place-scoped row may only point at a row of the same place: place_id on both sides, paired.
                var at = fk.Columns.IndexOf(PlaceKey);
                if (at < 0 || fk.TargetColumns[at] != PlaceKey)
                {
                    broken.Add($"{fk.Name}: {fk.Table}({string.Join(", ", fk.Columns)}) -> {fk.Target}({string.Join(", ", fk.TargetColumns)}) does not pair {PlaceKey} with {PlaceKey}");
                }
            }
            else if (!distributed.Contains(fk.Table) && distributed.Contains(fk.Target))
            {
                broken.Add($"{fk.Name}: place-free table {fk.Table} refers to place-scoped {fk.Target} (Citus refuses reference -> distributed keys)");
            }
        }

        Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken));
    }

    [Fact]
    public async Task DistributeScript_NamesEveryTable_WithARoleTheSchemaAllows()
    {
        var catalog = await MigratedCatalogAsync();
        var script = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "deploy", "citus", "distribute.sql"), Ct);
        var references = ReferenceCall().Matches(script).Select(m => m.Groups[1].Value).ToList();
        var distributed = DistributeCall().Matches(script).Select(m => (Table: m.Groups[1].Value, Key: m.Groups[2].Value)).ToList();

        var broken = new List<string>();
        var named = references.Concat(distributed.Select(d => d.Table)).ToList();
        broken.AddRange(named.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => $"{g.Key} is named {g.Count()} times"));
        broken.AddRange(catalog.Tables.Except(named).Except(s_local).Select(t => $"{t} is in the schema but not in the script: distribute it by {PlaceKey} or make it a reference table"));
        broken.AddRange(named.Except(catalog.Tables).Select(t => $"{t} is in the script but not in the schema"));
        broken.AddRange(references.Where(t => t != PlaceDirectory && catalog.HasColumn(t, PlaceKey))
            .Select(t => $"reference table {t} has {PlaceKey}: place-scoped data belongs in a distributed table"));
        broken.AddRange(distributed.Where(d => catalog.HasColumn(d.Table, PlaceKey) && d.Key != PlaceKey)
            .Select(d => $"{d.Table} has {PlaceKey} but is distributed by {d.Key}: it would not be co-located with the place's other tables"));
        foreach (var (table, key) in distributed.Where(d => catalog.Tables.Contains(d.Table)))
        {
            if (!catalog.HasColumn(table, key))
            {
                broken.Add($"{table} is distributed by {key}, which it does not have");
                continue;
            }

            broken.AddRange(catalog.Keys.Where(k => k.Table == table && !k.Columns.Contains(key))
                .Select(k => $"{table} is distributed by {key} but its key {k.Name} ({string.Join(", ", k.Columns)}) lacks it (Citus refuses such keys)"));
        }

        Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken));
        Assert.Contains(PlaceDirectory, references);
        Assert.Contains("theme", references);
    }

    [Fact]
    public async Task DistributeScript_RunTwiceWithCitusRecorders_DistributesEveryTableOnce()
    {
        var (catalog, connectionString) = await MigratedDatabaseAsync();
        var script = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "deploy", "citus", "distribute.sql"), Ct);
        script = script.Replace("CREATE EXTENSION IF NOT EXISTS citus;", string.Empty, StringComparison.Ordinal);

        // Citus is not installed here: recorders with Citus's signatures stand in for its two functions and its
        // pg_dist_partition catalog, in a schema of their own so the script's closing check does not see them.
        await ExecuteAsync(
            connectionString,
            "CREATE SCHEMA citus_recorder; " +
            "CREATE TABLE citus_recorder.pg_dist_partition (logicalrelid regclass PRIMARY KEY, kind text NOT NULL, key text); " +
            "CREATE FUNCTION citus_recorder.create_reference_table(t regclass) RETURNS void LANGUAGE sql AS " +
            "$$ INSERT INTO citus_recorder.pg_dist_partition VALUES (t, 'reference', NULL) $$; " +
            "CREATE FUNCTION citus_recorder.create_distributed_table(t regclass, key text, colocate_with text DEFAULT 'default') RETURNS void LANGUAGE sql AS " +
            "$$ INSERT INTO citus_recorder.pg_dist_partition VALUES (t, 'distributed', key) $$;");
        var withRecorders = connectionString + ";Search Path=public,citus_recorder";

        // Twice, each in its own session as an operator would run it: the second run must change nothing (a second
        // insert of the same table would break the recorder's primary key).
        await ExecuteAsync(withRecorders, script);
        await ExecuteAsync(withRecorders, script);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        var recorded = await ReadAsync(
            connection,
            "SELECT logicalrelid::text, kind, coalesce(key, '') FROM citus_recorder.pg_dist_partition",
            r => (Table: r.GetString(0), Kind: r.GetString(1), Key: r.GetString(2)));
        Assert.Equal(catalog.Tables.Except(s_local).Order(StringComparer.Ordinal), recorded.Select(r => r.Table).Order(StringComparer.Ordinal));
        Assert.All(
            recorded.Where(r => r.Kind == "distributed" && catalog.HasColumn(r.Table, PlaceKey)),
            r => Assert.Equal(PlaceKey, r.Key));
        Assert.Contains(recorded, r => r.Table == "spend_transaction" && r.Kind == "distributed");
        Assert.Contains(recorded, r => r.Table == "theme" && r.Kind == "reference");
    }

    [Fact]
    public async Task PlaceScopedTables_HaveAReplicaIdentity_SoShardsMoveOnline()
    {
        var catalog = await MigratedCatalogAsync();

        var missing = catalog.Tables
            .Where(t => catalog.HasColumn(t, PlaceKey) && t != PlaceDirectory)
            .Where(t => !catalog.Keys.Any(k => k.Table == t && k.Kind == 'p') && catalog.ReplicaIdentity[t] != 'f')
            .ToList();

        Assert.True(missing.Count == 0, "no primary key and no REPLICA IDENTITY FULL: " + string.Join(", ", missing));
        Assert.Equal('f', catalog.ReplicaIdentity["spend_transaction"]);
    }

    // From this source file's path: the build output may live outside the repository (ArtifactsPath).
    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(sourceFile)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TotalPlace.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (TotalPlace.slnx) above this test's source file.");
    }

    /// <summary>Migrates a fresh database with every PostgreSQL migration and reads its catalog.</summary>
    private async Task<Catalog> MigratedCatalogAsync() => (await MigratedDatabaseAsync()).Catalog;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private async Task<(Catalog Catalog, string ConnectionString)> MigratedDatabaseAsync()
    {
        // The fixture's own store first: it skips (or fails on CI) when the server could not start.
        await using (await fixture.CreateStoreAsync(Ct))
        {
        }

        var database = "citus_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(fixture.AdminConnectionString))
        {
            await admin.OpenAsync(Ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync(Ct);
        }

        var connectionString = $"Host=127.0.0.1;Port={fixture.Port};Username=postgres;Database={database};Pooling=false";
        await using (await PostgresPlaceStore.OpenAsync(connectionString, Ct))
        {
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        var tables = await ReadAsync(
            connection,
            "SELECT c.relname, c.relreplident FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')",
            r => (Name: r.GetString(0), Identity: r.GetChar(1)));
        var columns = await ReadAsync(
            connection,
            "SELECT table_name, column_name, data_type, is_nullable = 'NO' FROM information_schema.columns WHERE table_schema = 'public'",
            r => new Column(r.GetString(0), r.GetString(1), r.GetString(2), r.GetBoolean(3)));

        // Primary keys, unique constraints and unique indexes alike: Citus needs the distribution column in each.
        var keys = await ReadAsync(
            connection,
            "SELECT t.relname, i.relname, CASE WHEN x.indisprimary THEN 'p' ELSE 'u' END, " +
            "ARRAY(SELECT a.attname::text FROM unnest(x.indkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n) " +
            "FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = t.relnamespace " +
            "WHERE n.nspname = 'public' AND x.indisunique",
            r => new Key(r.GetString(0), r.GetString(1), r.GetString(2)[0], r.GetFieldValue<string[]>(3)));
        var foreignKeys = await ReadAsync(
            connection,
            "SELECT c.conname, t.relname, f.relname, " +
            "ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n), " +
            "ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n) " +
            "FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class f ON f.oid = c.confrelid JOIN pg_namespace n ON n.oid = t.relnamespace " +
            "WHERE c.contype = 'f' AND n.nspname = 'public'",
            r => new ForeignKey(r.GetString(0), r.GetString(1), r.GetString(2), [.. r.GetFieldValue<string[]>(3)], [.. r.GetFieldValue<string[]>(4)]));
        return (new Catalog(
            [.. tables.Select(t => t.Name)],
            tables.ToDictionary(t => t.Name, t => t.Identity),
            columns,
            keys,
            foreignKeys), connectionString);
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    [GeneratedRegex(@"pg_temp\.reference\('(\w+)'\)")]
    private static partial Regex ReferenceCall();

    [GeneratedRegex(@"pg_temp\.distribute\('(\w+)',\s*'(\w+)'\)")]
    private static partial Regex DistributeCall();

    private sealed record Column(string Table, string Name, string Type, bool NotNull);

    private sealed record Key(string Table, string Name, char Kind, string[] Columns);

    private sealed record ForeignKey(string Name, string Table, string Target, List<string> Columns, List<string> TargetColumns);

    private sealed record Catalog(
        List<string> Tables,
        Dictionary<string, char> ReplicaIdentity,
        List<Column> Columns,
        List<Key> Keys,
        List<ForeignKey> ForeignKeys)
    {
        public bool HasColumn(string table, string column) => Columns.Any(c => c.Table == table && c.Name == column);
    }
}
