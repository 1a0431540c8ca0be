using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;
using TotalPlace.Benchmarks.Harness;
using TotalPlace.Core.Assets;
using TotalPlace.Core.Spending;
using TotalPlace.Core.Waste;
using TotalPlace.Storage;

namespace TotalPlace.Benchmarks.Waste;

/// <summary>Single-shot whole-process waste runs, for sizes BenchmarkDotNet cannot build a job for on a loaded 2-core
/// machine: `duplicates --lines N` (the product's waste run over a store of N generated lines plus planted duplicates
/// and near-misses) and `suppliers --names N` (supplier resolution over N distinct generated names). Each prints its
/// figures and writes them to bench/results/&lt;machine&gt;.</summary>
public static class WasteWholeProcess
{
    private const string PlantedAgency = "Greater Manchester Police";
    private const string PlantTag = "bench planted duplicate ";
    private const string NearMissTag = "bench near-miss ";

    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "duplicates" or "suppliers" or "waste-page";

    public static async Task<int> RunAsync(string[] args)
    {
        var size = args[0] == "suppliers" ? 100_000L : args[0] == "waste-page" ? 1_000_000L : 10_000_000L;
        var plants = 1_000;
        var findings = 100_000;
        for (var i = 1; i < args.Length - 1; i++)
        {
            if (args[i] is "--lines" or "--names")
            {
                size = long.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--plants")
            {
                plants = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--findings")
            {
                findings = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
        }

        var report = new Report();
        if (args[0] == "waste-page")
        {
            report.Say($"# Waste review page query path, {size:N0} lines, {findings:N0} findings");
            report.Say(string.Empty);
            report.Say($"Machine: {BenchPaths.MachineName()}, {Environment.ProcessorCount} logical cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            report.Say($"Load average at start: {LoadAverage()} (other engineers share these cores)");
            report.Say(string.Empty);
            var pageOk = await WastePageBench.RunAsync(size, plants, findings, report.Say, (lines, p, path, marker) => BuildStoreAsync(lines, p, path, marker, report));
            report.Say($"- peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB; load average at end: {LoadAverage()}");
            await report.WriteAsync($"waste-page-{size}.md");
            return pageOk ? 0 : 1;
        }

        report.Say($"# Whole-process {args[0]} benchmark, {size:N0} {(args[0] == "suppliers" ? "names" : "lines")}");
        report.Say(string.Empty);
        report.Say($"Machine: {BenchPaths.MachineName()}, {Environment.ProcessorCount} logical cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:0.0} GiB memory, .NET {Environment.Version}, Server GC {System.Runtime.GCSettings.IsServerGC}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.Say($"Load average at start: {LoadAverage()} (other engineers share these cores: wall times are inflated by that, CPU seconds are not)");
        report.Say(string.Empty);
        var ok = args[0] == "suppliers" ? Suppliers(checked((int)size), report) : await DuplicatesAsync(size, plants, report);
        report.Say($"- peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB; load average at end: {LoadAverage()}");
        await report.WriteAsync(args[0] == "suppliers" ? $"whole-process-suppliers-{size}.md" : $"whole-process-duplicates-{size}.md");
        return ok ? 0 : 1;
    }

    private static bool Suppliers(int names, Report report)
    {
        var entries = WasteData.Names(names);
        var clock = Stopwatch.StartNew();
        var cpu = Cpu();
        var resolution = SupplierResolver.Resolve(entries);
        report.Say($"- supplier resolution of {entries.Count:N0} distinct generated names (normalise + block + score + cluster): **{clock.Elapsed.TotalSeconds:N2} s wall, {(Cpu() - cpu).TotalSeconds:N2} s CPU** (target < 10 s); {resolution.Clusters.Count:N0} clusters, {resolution.Excluded.Count:N0} kept out");
        return true;
    }

    private static async Task<bool> DuplicatesAsync(long lines, int plants, Report report)
    {
        var clock = Stopwatch.StartNew();
        var storePath = Path.Combine(BenchPaths.Data, $"waste-duplicates-{lines}.duckdb");
        var marker = storePath + ".planted";
        if (!File.Exists(storePath) || !File.Exists(marker) || File.ReadAllText(marker).Trim() != MarkerText(plants))
        {
            await BuildStoreAsync(lines, plants, storePath, marker, report);
        }
        else
        {
            report.Say($"- store {Path.GetFileName(storePath)} reused (built earlier by this mode with {plants:N0} plants)");
        }

        var planted = await PlantsAsync(storePath, plants);
        GC.Collect();
        report.Say(string.Empty);
        report.Say("The timed run makes the same calls in the same order as `RunWasteAnalysis` (the CLI's `waste` verb and the web page), with a clock between them:");
        report.Say(string.Empty);

        await using var store = await PlaceStore.OpenDuckDbAsync(storePath);
        var waste = store.Waste;
        var phases = new List<(string Name, TimeSpan Wall, TimeSpan Cpu)>();
        var total = Stopwatch.StartNew();
        var totalCpu = Cpu();
        var phaseCpu = Cpu();
        clock.Restart();
        void Lap(string name)
        {
            var now = Cpu();
            phases.Add((name, clock.Elapsed, now - phaseCpu));
            phaseCpu = now;
            clock.Restart();
        }

        var read = new List<PartnerTransaction>();
        await foreach (var line in waste.ReadTransactionsAsync(TotalPlaceImport.Place))
        {
            read.Add(line);
        }

        Lap($"read {read.Count:N0} lines from the store");
        var resolution = SupplierResolver.Resolve(read, await waste.ListSupplierDecisionsAsync(TotalPlaceImport.Place));
        Lap($"resolve suppliers ({resolution.Clusters.Count:N0} clusters)");
        var findings = new List<WasteFinding>();
        findings.AddRange(WasteFindings.FromSharedSuppliers(SharedSupplierAnalysis.Find(read, resolution)));
        Lap("shared suppliers");
        var duplicates = DuplicatePaymentDetector.Detect(read, resolution);
        findings.AddRange(WasteFindings.FromDuplicates(duplicates));
        Lap($"**duplicate-payment detection** ({duplicates.Count:N0} pairs)");
        findings.AddRange(WasteFindings.FromOverlaps(ServiceOverlapAnalysis.Find(read, resolution)));
        var assets = await waste.ListAssetsAsync(TotalPlaceImport.Place);
        findings.AddRange(WasteFindings.FromCoLocations(CoLocationFinder.Find(assets), AssetSpendLinker.Link(assets, read)));
        Lap("service overlap + co-location (+ assets' running cost linked to spend lines)");
        await waste.SaveFindingsAsync(TotalPlaceImport.Place, findings, DateTimeOffset.UtcNow);
        var ranked = await waste.ListFindingsAsync(TotalPlaceImport.Place);
        Lap($"save {findings.Count:N0} findings and read them back ranked");
        var wall = total.Elapsed;
        var cpuAll = Cpu() - totalCpu;

        report.Say("| step | wall | CPU |");
        report.Say("| --- | ---: | ---: |");
        foreach (var (name, w, c) in phases)
        {
            report.Say($"| {name} | {w.TotalSeconds:N2} s | {c.TotalSeconds:N2} s |");
        }

        report.Say($"| **whole waste run** | **{wall.TotalSeconds:N2} s** | **{cpuAll.TotalSeconds:N2} s** |");
        var detect = phases.First(p => p.Name.Contains("duplicate", StringComparison.Ordinal));
        report.Say(string.Empty);
        report.Say($"- duplicate detection over {read.Count:N0} stored lines: {detect.Wall.TotalSeconds:N2} s wall, {detect.Cpu.TotalSeconds:N2} s CPU; read + resolve + detect: {phases.Take(2).Sum(p => p.Wall.TotalSeconds) + detect.Wall.TotalSeconds:N2} s wall (target: 10 million lines < 30 s)");
        report.Say($"- managed heap after the run: {GC.GetTotalMemory(false) / 1048576.0:N0} MiB; {ranked.Count:N0} ranked findings");
        return Check(planted, duplicates, report);
    }

    /// <summary>Counts the planted duplicates found and the near-misses wrongly reported.</summary>
    private static bool Check(IReadOnlyList<Plant> planted, IReadOnlyList<DuplicatePayment> found, Report report)
    {
        static string? Tag(PartnerTransaction t, string prefix) =>
            t.Line.Description is { } d && d.StartsWith(prefix, StringComparison.Ordinal) ? d : null;

        var hits = new HashSet<string>(StringComparer.Ordinal);
        var falseAlarms = new List<DuplicatePayment>();
        var others = 0;
        foreach (var pair in found)
        {
            var near = Tag(pair.First, NearMissTag) ?? Tag(pair.Second, NearMissTag);
            var plant = Tag(pair.First, PlantTag) ?? Tag(pair.Second, PlantTag);
            if (near is not null)
            {
                falseAlarms.Add(pair);
            }
            else if (plant is not null)
            {
                // The planted copy must be paired with its original (same supplier, amount and the original's reference or the planted variant).
                var p = planted.First(x => x.Tag == plant);
                var other = Tag(pair.First, PlantTag) is null ? pair.First : pair.Second;
                if (other.Line.Amount == p.Original.Amount && string.Equals(other.Line.Reference, p.Original.Reference, StringComparison.Ordinal))
                {
                    hits.Add(plant);
                }
            }
            else
            {
                others++;
            }
        }

        var expected = planted.Where(p => p.Duplicate).ToList();
        var nearMisses = planted.Count(p => !p.Duplicate);
        report.Say($"- planted duplicates found: **{hits.Count:N0} of {expected.Count:N0}** ({string.Join(", ", expected.GroupBy(p => p.Kind).Select(g => $"{g.Key} {g.Count(p => hits.Contains(p.Tag))}/{g.Count()}"))})");
        report.Say($"- planted near-misses reported as duplicates: **{falseAlarms.Count:N0}** of {nearMisses:N0} near-miss lines (credit note then re-issue, monthly rent with one lease number, equal amounts with different references 20 days apart)");
        report.Say($"- other pairs found in the generated base data: {others:N0}");
        foreach (var miss in expected.Where(p => !hits.Contains(p.Tag)).Take(5))
        {
            report.Say($"  - missed: {miss.Tag}");
        }

        foreach (var alarm in falseAlarms.Take(5))
        {
            report.Say($"  - false alarm: {alarm.First.Line.Description} / {alarm.Second.Line.Description}: {string.Join("; ", alarm.Reasons)}");
        }

        return hits.Count == expected.Count && falseAlarms.Count == 0;
    }

    private sealed record Plant(string Tag, string Kind, bool Duplicate, Transaction Original, Transaction Line, string Agency);

    /// <summary>Imports the generated file with the product's import, then commits the planted lines as two more batches
    /// (the same partner's and a second partner's), like a later month's files.</summary>
    private static async Task BuildStoreAsync(long lines, int plants, string storePath, string marker, Report report)
    {
        var clock = Stopwatch.StartNew();
        var (csv, summary) = BenchData.TransparencyCsv(lines);
        BenchData.FreshDatabase(Path.GetFileName(storePath));
        File.Delete(marker);
        await TotalPlaceImport.RunAsync(csv, storePath, summary.Lines);
        report.Say($"- built {Path.GetFileName(storePath)}: imported {Path.GetFileName(csv)} ({summary.Lines:N0} lines) with the product's import in {clock.Elapsed.TotalSeconds:N0} s (not timed below)");
        var planted = await PlantsAsync(storePath, plants);
        await using var store = await PlaceStore.OpenDuckDbAsync(storePath);
        foreach (var group in planted.GroupBy(p => p.Agency, StringComparer.Ordinal))
        {
            var batch = group.Select(p => p.Line).ToList();
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', batch.Select(l => l.ToString())))));
            var header = new BatchHeader(TotalPlaceImport.Place, group.Key, $"planted-{group.Key}.csv", hash, batch.Count, [], "bench", DateTimeOffset.UtcNow);
            await store.Spend.CommitTransactionsAsync(header, batch);
        }

        await File.WriteAllTextAsync(marker, MarkerText(plants));
        report.Say($"- planted {planted.Count(p => p.Duplicate):N0} duplicates and {planted.Count(p => !p.Duplicate):N0} near-miss lines as two further batches");
    }

    /// <summary>The planted lines, derived deterministically from originals sampled across the stored generated lines
    /// (every k-th line of the first batch whose supplier and amount occur once there, so that the generator's own
    /// repeated payments and credit notes do not touch the plants), so a reused store gives the same plants.</summary>
    private static async Task<List<Plant>> PlantsAsync(string storePath, int plants)
    {
        var originals = new List<Transaction>();
        using (var connection = new DuckDBConnection($"Data Source={storePath}"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT payment_date, amount, supplier, supplier_id, body, reference, expense_type, expense_area, service_code, source_row
                FROM (SELECT *, count(*) OVER (PARTITION BY supplier, abs(amount)) AS same_amount
                      FROM spend_transaction WHERE batch_id = (SELECT min(batch_id) FROM spend_transaction))
                WHERE supplier IS NOT NULL AND supplier NOT LIKE 'REDACTED%' AND amount > 0 AND same_amount = 1 AND line_no % $1 = 7
                ORDER BY line_no LIMIT $2
                """;
            var count = await CountFirstBatchAsync(connection);
            command.Parameters.Add(new DuckDBParameter(Math.Max(11, count / Math.Max(1, plants))));
            command.Parameters.Add(new DuckDBParameter(plants));
            using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                originals.Add(new Transaction
                {
                    Date = DateOnly.FromDateTime(reader.GetDateTime(0)),
                    Amount = reader.GetDecimal(1),
                    Supplier = reader.GetString(2),
                    SupplierId = reader.IsDBNull(3) ? null : reader.GetString(3),
                    Body = reader.IsDBNull(4) ? null : reader.GetString(4),
                    Reference = reader.IsDBNull(5) ? null : reader.GetString(5),
                    ExpenseType = reader.IsDBNull(6) ? null : reader.GetString(6),
                    ExpenseArea = reader.IsDBNull(7) ? null : reader.GetString(7),
                    ServiceCode = reader.IsDBNull(8) ? null : reader.GetString(8),
                    SourceRow = reader.GetInt32(9),
                });
            }
        }

        var result = new List<Plant>();
        for (var k = 0; k < originals.Count; k++)
        {
            var o = originals[k];
            var row = 2 + result.Count;
            Plant Add(string kind, bool duplicate, Transaction line, string agency = TotalPlaceImport.Agency)
            {
                var tag = (duplicate ? PlantTag : NearMissTag) + k.ToString(CultureInfo.InvariantCulture) + " " + kind;
                var plant = new Plant(tag, kind, duplicate, o, line with { Description = tag, SourceRow = row++ }, agency);
                result.Add(plant);
                return plant;
            }

            // Six kinds of duplicate and three of near-miss, in turn.
            switch (k % 9)
            {
                case 0: Add("same reference, 3 days later", true, o with { Date = o.Date.AddDays(3) }); break;
                case 1: Add("transposed reference, same day", true, o with { Reference = Transpose(o.Reference) }); break;
                case 2: Add("consecutive reference, next day", true, o with { Reference = Next(o.Reference), Date = o.Date.AddDays(1) }); break;
                case 3: Add("other partner, same reference, 10 days later", true, o with { Date = o.Date.AddDays(10) }, PlantedAgency); break;
                case 4: Add("near amount (+£0.50), same reference, 5 days later", true, o with { Amount = o.Amount + 0.5m, Date = o.Date.AddDays(5) }); break;
                case 5: Add("same reference, 30 days later", true, o with { Date = o.Date.AddDays(30) }); break;
                case 6:
                    // A credit note reverses the original and the bill is paid again: not a duplicate.
                    Add("credit note", false, o with { Amount = -o.Amount, Date = o.Date.AddDays(4), Reference = "CR" + o.Reference });
                    Add("re-issued after credit", false, o with { Date = o.Date.AddDays(8), Reference = "RE" + o.Reference });
                    break;
                case 7:
                    // Monthly rent with one lease number, to a landlord of its own: not duplicates.
                    for (var m = 0; m < 12; m++)
                    {
                        Add($"rent month {m + 1}", false, o with
                        {
                            Supplier = $"Planted Landlord {k} Properties Ltd",
                            SupplierId = null,
                            Amount = 2_750m + k,
                            Reference = $"LEASE-{k}",
                            Date = new DateOnly(2019, 4, 1).AddMonths(m),
                        });
                    }

                    break;
                default:
                    Add("equal amount, other reference, 20 days later", false, o with { Date = o.Date.AddDays(20), Reference = "X" + o.Reference + "Q" });
                    break;
            }
        }

        return result;
    }

    internal static string MarkerText(int plants) => "plants v2 " + plants.ToString(CultureInfo.InvariantCulture);

    private static async Task<long> CountFirstBatchAsync(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM spend_transaction WHERE batch_id = (SELECT min(batch_id) FROM spend_transaction)";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static string Transpose(string? reference)
    {
        var r = reference ?? "0000";
        var chars = r.ToCharArray();
        for (var i = chars.Length - 2; i >= 0; i--)
        {
            if (chars[i] != chars[i + 1])
            {
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                return new string(chars);
            }
        }

        return r + "1";
    }

    private static string Next(string? reference)
    {
        var r = reference ?? "0";
        var digits = 0;
        while (digits < r.Length && char.IsAsciiDigit(r[^(digits + 1)]))
        {
            digits++;
        }

        var number = digits == 0 ? 0 : long.Parse(r.AsSpan(r.Length - digits), CultureInfo.InvariantCulture);
        return r[..(r.Length - digits)] + (number + 1).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private sealed class Report
    {
        private readonly StringBuilder _text = new();

        public void Say(string line)
        {
            Console.WriteLine(line);
            _text.AppendLine(line);
        }

        public async Task WriteAsync(string name)
        {
            Directory.CreateDirectory(BenchPaths.Results);
            var path = Path.Combine(BenchPaths.Results, name);
            await File.WriteAllTextAsync(path, _text.ToString());
            Console.WriteLine($"(written to {Path.GetRelativePath(BenchPaths.RepositoryRoot, path)})");
        }
    }
}
