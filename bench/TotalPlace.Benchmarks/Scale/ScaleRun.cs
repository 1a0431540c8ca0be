using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TotalPlace.Benchmarks.Harness;
using TotalPlace.Import;
using TotalPlace.Storage;
using TotalPlace.Storage.Postgres;

namespace TotalPlace.Benchmarks.Scale;

/// <summary>`scale --engine duckdb|postgres --lines N [--batches B] [--repeats R]`: loads the generated transparency
/// file through the product's import path into one engine, checks the stored total against the generator to the
/// penny, and times the place map (first run, then the median of warm runs; wall and CPU, the server's CPU included).
/// Sizes above 10 million lines are loaded as B batches of the same N/B-line file, each under its own batch identity,
/// so 100 million lines need 1.7 GB of input rather than 17 GB.</summary>
public static class ScaleRun
{
    private const string Place = "E08000003";
    private const string Agency = "Manchester City Council";
    private const long LinesPerFile = 10_000_000;

    private static readonly MapQuery s_map = new(Place, [MapDimension.Theme, MapDimension.Agency, MapDimension.Year], Source: MapSource.Transactions);

    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "scale";

    public static async Task<int> RunAsync(string[] args)
    {
        var engine = Option(args, "--engine") ?? "duckdb";
        if (engine is not ("duckdb" or "postgres"))
        {
            Console.Error.WriteLine($"--engine must be duckdb or postgres, not '{engine}'.");
            return 2;
        }

        var lines = long.Parse(Option(args, "--lines") ?? "10000000", CultureInfo.InvariantCulture);
        var batches = int.Parse(Option(args, "--batches") ?? Math.Max(1, lines / LinesPerFile).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var repeats = int.Parse(Option(args, "--repeats") ?? "5", CultureInfo.InvariantCulture);

        // Guards for long runs on a shared machine: stop loading (and go on to the map over what was loaded) when the
        // disk gets short or a time has passed, rather than fill the disk or overrun.
        var minFreeGiB = double.Parse(Option(args, "--min-free-gib") ?? "8", CultureInfo.InvariantCulture);
        DateTime? loadUntil = Option(args, "--load-until") is { } until
            ? DateTime.Parse(until, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : null;
        if (batches < 1 || lines % batches != 0)
        {
            Console.Error.WriteLine($"--lines {lines} must be a whole number of --batches {batches}.");
            return 2;
        }

        var fileLines = lines / batches;
        var report = new StringBuilder();
        void Say(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        Say($"# Scale benchmark: {engine}, {lines:N0} lines");
        Say(string.Empty);
        Say($"Machine: {BenchPaths.MachineName()}, {Environment.ProcessorCount} logical cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:0.0} GiB memory, .NET {Environment.Version}, started {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Say($"Load average at start: {LoadAverage()} (other processes share these cores: wall times are inflated by that, CPU seconds much less)");

        var clock = Stopwatch.StartNew();
        var (csv, summary) = BenchData.TransparencyCsv(fileLines);
        Say($"- input: {Path.GetFileName(csv)}, {new FileInfo(csv).Length / 1048576.0:N0} MiB, {summary.Lines:N0} lines, total £{summary.Total:N2} (ready in {clock.Elapsed.TotalSeconds:N1} s)" +
            (batches > 1 ? $"; loaded as {batches} batches of this file, each with its own batch identity (SHA-256 of the file's hash and the batch number), expected total £{summary.Total * batches:N2}" : string.Empty));

        ThrowawayPostgres? cluster = null;
        string? duckDbPath = null;
        IPlaceStore store;
        if (engine == "postgres")
        {
            cluster = await ThrowawayPostgres.StartAsync();
            Say($"- server: PostgreSQL {ThrowawayPostgres.Version}, throwaway cluster on 127.0.0.1:{cluster.Port}, durability defaults (fsync on), {ThrowawayPostgres.Settings}");
            store = await PostgresPlaceStore.OpenAsync(cluster.ConnectionString);
        }
        else
        {
            duckDbPath = BenchData.FreshDatabase($"scale-{lines}.duckdb");
            store = await PlaceStore.OpenDuckDbAsync(duckDbPath);
            Say($"- store: DuckDB file {Path.GetFileName(duckDbPath)} under {BenchPaths.Data}");
        }

        var exact = true;
        try
        {
            TimeSpan ServerCpu() => cluster?.ServerCpu() ?? TimeSpan.Zero;

            // Load: the product's path per batch (hash, stream-parse, classify, bulk append, one atomic commit).
            Say(string.Empty);
            Say("## Load");
            Say(string.Empty);
            Say("| batch | lines | wall s | client CPU s | server CPU s | lines/s (wall) | load average after |");
            Say("|---:|---:|---:|---:|---:|---:|---|");
            long loaded = 0;
            var stored = 0m;
            var loadWall = TimeSpan.Zero;
            var loadClientCpu = TimeSpan.Zero;
            var loadServerCpu = TimeSpan.Zero;
            var resultPath = Path.Combine(BenchPaths.Results, $"scale-{engine}-{lines}.md");
            for (var b = 1; b <= batches; b++)
            {
                var free = FreeGiB(cluster?.DataDirectory ?? duckDbPath!);
                if (b > 1 && (free < minFreeGiB || DateTime.UtcNow > loadUntil))
                {
                    Say($"| stopped before batch {b}: {(free < minFreeGiB ? $"{free:N1} GiB free on the disk, under the {minFreeGiB:N0} GiB guard" : $"past --load-until {loadUntil:HH:mm} UTC")} | | | | | | |");
                    break;
                }

                var (cpu0, server0) = (Cpu(), ServerCpu());
                clock.Restart();
                var batch = await LoadAsync(store, csv, summary.Lines, b);
                var wall = clock.Elapsed;
                var (client, server) = (Cpu() - cpu0, ServerCpu() - server0);
                loaded += batch.RowsLoaded;
                stored += batch.Total;
                loadWall += wall;
                loadClientCpu += client;
                loadServerCpu += server;
                Say($"| {b} | {batch.RowsLoaded:N0} | {wall.TotalSeconds:N1} | {client.TotalSeconds:N1} | {server.TotalSeconds:N1} | {batch.RowsLoaded / wall.TotalSeconds:N0} | {LoadAverage()} |");
                await WriteAsync(resultPath, report);
            }

            Say(string.Empty);
            Say($"- **load: {loaded:N0} lines in {loadWall.TotalSeconds:N1} s wall = {loaded / loadWall.TotalSeconds:N0} lines/s; CPU {loadClientCpu.TotalSeconds:N1} s client + {loadServerCpu.TotalSeconds:N1} s server = {(loadClientCpu + loadServerCpu).TotalSeconds:N1} s ({loaded / (loadClientCpu + loadServerCpu).TotalSeconds:N0} lines per CPU-second)**");
            var loadedBatches = loaded / summary.Lines;
            if (loaded != lines)
            {
                Say($"- **only {loadedBatches} of {batches} batches were loaded (see the guard above): the figures below are for {loaded:N0} lines**");
            }

            var expected = summary.Total * loadedBatches;
            var loadExact = loaded == loadedBatches * summary.Lines && stored == expected;
            exact &= loadExact;
            Say($"- reconciliation: stored {loaded:N0} lines, £{stored:N2}; generator {loadedBatches * summary.Lines:N0} lines, £{expected:N2}: {(loadExact ? "exact" : "MISMATCH")}");
            var size = cluster?.SizeOnDisk() ?? new FileInfo(duckDbPath!).Length;
            Say($"- size on disk after the load: {size / 1073741824.0:N2} GiB ({(engine == "postgres" ? "whole data directory, WAL included" : "database file")})");

            // Map: theme × agency × year over every stored line, through IPlaceStore.MapAsync.
            async Task MapRunsAsync(string title)
            {
                Say(string.Empty);
                Say($"## Place map (theme x agency x year, transactions){title}");
                Say(string.Empty);
                Say("| run | wall ms | client CPU ms | server CPU ms | load average after |");
                Say("|---|---:|---:|---:|---|");
                var walls = new List<double>();
                var cpus = new List<double>();
                PlaceMap? map = null;
                for (var i = 0; i <= repeats; i++)
                {
                    var (cpu0, server0) = (Cpu(), ServerCpu());
                    clock.Restart();
                    map = await store.Spend.MapAsync(s_map);
                    var wall = clock.Elapsed.TotalMilliseconds;
                    var (client, server) = ((Cpu() - cpu0).TotalMilliseconds, (ServerCpu() - server0).TotalMilliseconds);
                    Say($"| {(i == 0 ? "first (cold)" : $"warm {i}")} | {wall:N0} | {client:N0} | {server:N0} | {LoadAverage()} |");
                    await WriteAsync(resultPath, report);
                    if (i > 0)
                    {
                        walls.Add(wall);
                        cpus.Add(client + server);
                    }
                }

                walls.Sort();
                cpus.Sort();
                Say(string.Empty);
                Say($"- **map over {map!.Lines:N0} lines, {map.Rows.Count:N0} groups: median {walls[walls.Count / 2]:N0} ms wall (min {walls[0]:N0}, max {walls[^1]:N0}), median {cpus[cpus.Count / 2]:N0} ms CPU (client + server), {repeats} warm runs**");
                var mapExact = map.Total == expected && map.Rows.Sum(r => r.Amount) == expected && map.Lines == loaded;
                exact &= mapExact;
                Say($"- reconciliation: map total £{map.Total:N2}, rows sum £{map.Rows.Sum(r => r.Amount):N2}, generator £{expected:N2}: {(mapExact ? "exact" : "MISMATCH")}");
            }

            await MapRunsAsync(cluster is null ? string.Empty : ", straight after the load");
            if (cluster is not null)
            {
                // COPY leaves the planner no statistics until autovacuum's ANALYZE comes round; without them it
                // expects few rows and sorts them to group. Time the maps again once the statistics are there.
                Say(string.Empty);
                Say($"- planner statistics before: {await PostgresStatsAsync(cluster)}");
                var (cpu0, server0) = (Cpu(), ServerCpu());
                clock.Restart();
                await using (var connection = new Npgsql.NpgsqlConnection(cluster.ConnectionString))
                {
                    await connection.OpenAsync();
                    await using var analyze = new Npgsql.NpgsqlCommand("ANALYZE spend_transaction", connection);
                    await analyze.ExecuteNonQueryAsync();
                }

                Say($"- ANALYZE spend_transaction: {clock.Elapsed.TotalSeconds:N1} s wall, {(ServerCpu() - server0 + Cpu() - cpu0).TotalSeconds:N1} s CPU");
                await MapRunsAsync(", after ANALYZE");
            }

            if (cluster is not null && args.Contains("--explain"))
            {
                await ExplainAsync(cluster, Say);
            }

            Say($"- load average at end: {LoadAverage()}, finished {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        }
        finally
        {
            await store.DisposeAsync();
            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }

            if (duckDbPath is not null)
            {
                DuckDbBaseline.DeleteDatabase(duckDbPath);
            }
        }

        var path = Path.Combine(BenchPaths.Results, $"scale-{engine}-{lines}.md");
        await WriteAsync(path, report);
        Console.WriteLine($"(written to {Path.GetRelativePath(BenchPaths.RepositoryRoot, path)})");
        return exact ? 0 : 1;
    }

    // Written after every step too, so a run stopped from outside still leaves its figures so far.
    private static async Task WriteAsync(string path, StringBuilder report)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, report.ToString());
    }

    /// <summary>One batch through the product's import path; batch 1 carries the file's own SHA-256, later batches a
    /// hash derived from it so the store's "same file twice" guard sees distinct batches.</summary>
    private static async Task<ImportBatch> LoadAsync(IPlaceStore store, string csv, long fileLines, int batchNo)
    {
        var sha256 = SpendFileReader.ComputeSha256(csv);
        if (batchNo > 1)
        {
            sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{sha256}/batch {batchNo}")));
        }

        using var stream = SpendFileReader.Open(csv);
        var header = new BatchHeader(Place, Agency, $"{Path.GetFileName(csv)}#{batchNo}", sha256, checked((int)fileLines), [], "bench", DateTimeOffset.UtcNow);
        var result = await store.Spend.CommitTransactionsAsync(header, stream.Transactions);
        return result.Batch;
    }

    /// <summary>Where PostgreSQL's map time goes: the server's own timing (EXPLAIN ANALYZE) of the map's scan and
    /// aggregate as the store writes it, and of the same scan with cheaper aggregates, to separate reading the rows
    /// from summing DECIMAL (PostgreSQL's arbitrary-precision numeric) values.</summary>
    private static async Task ExplainAsync(ThrowawayPostgres cluster, Action<string> say)
    {
        int placeId;
        await using var connection = new Npgsql.NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using (var find = new Npgsql.NpgsqlCommand($"SELECT place_id FROM place WHERE code = '{Place}'", connection))
        {
            placeId = Convert.ToInt32(await find.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        var group = $" FROM spend_transaction x WHERE x.place_id = {placeId} GROUP BY x.agency_id, x.theme, x.fiscal_year";
        (string Name, string Sql)[] variants =
        [
            ("as the store runs it: sum(amount) over DECIMAL(18,4), count(*)", "SELECT x.agency_id, x.theme, x.fiscal_year, sum(x.amount), count(*)" + group),
            ("count(*) only (scan and grouping, no money)", "SELECT x.agency_id, x.theme, x.fiscal_year, count(*)" + group),
            ("sum of amount as BIGINT ten-thousandths, count(*)", "SELECT x.agency_id, x.theme, x.fiscal_year, sum((x.amount * 10000)::bigint), count(*)" + group),
        ];
        say(string.Empty);
        say("## Where PostgreSQL's map time goes (EXPLAIN ANALYZE, server-side execution time; one run each, after the timed runs)");
        say(string.Empty);
        foreach (var (name, sql) in variants)
        {
            await using var command = new Npgsql.NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) " + sql, connection);
            var plan = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(0));
                }
            }

            say($"- {name}: {plan.LastOrDefault(l => l.StartsWith("Execution Time", StringComparison.Ordinal)) ?? "?"}");
            if (name.StartsWith("as the store", StringComparison.Ordinal))
            {
                say(string.Empty);
                say("```");
                plan.ForEach(say);
                say("```");
                say(string.Empty);
            }
        }
    }

    private static async Task<string> PostgresStatsAsync(ThrowawayPostgres cluster)
    {
        await using var connection = new Npgsql.NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT coalesce(to_char(last_autoanalyze, 'HH24:MI:SS'), 'never'), coalesce(to_char(last_analyze, 'HH24:MI:SS'), 'never'), n_mod_since_analyze " +
            "FROM pg_stat_user_tables WHERE relname = 'spend_transaction'",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? $"spend_transaction last auto-analysed {reader.GetString(0)}, last analysed {reader.GetString(1)} UTC, {reader.GetInt64(2):N0} rows changed since"
            : "unknown";
    }

    /// <summary>Free space on the file system holding <paramref name="path"/>: the mount with the longest matching root.</summary>
    private static double FreeGiB(string path) =>
        DriveInfo.GetDrives()
            .Where(d => d.IsReady && Path.GetFullPath(path).StartsWith(d.RootDirectory.FullName, StringComparison.Ordinal))
            .MaxBy(d => d.RootDirectory.FullName.Length)?.AvailableFreeSpace / 1073741824.0 ?? double.PositiveInfinity;

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
