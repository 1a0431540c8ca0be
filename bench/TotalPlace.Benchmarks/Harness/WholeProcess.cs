using System.Diagnostics;
using System.Globalization;
using System.Text;
using TotalPlace.Storage;

namespace TotalPlace.Benchmarks.Harness;

/// <summary>Single-shot runs for sizes BenchmarkDotNet's repeated iterations would take too long over (10 million
/// lines): `import --lines N` and `map --lines N`. Each prints its figures and writes them to bench/results/&lt;machine&gt;.</summary>
public static class WholeProcess
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "import" or "map";

    public static async Task<int> RunAsync(string[] args)
    {
        var lines = 10_000_000L;
        var repeats = 5;
        for (var i = 1; i < args.Length - 1; i++)
        {
            if (args[i] == "--lines")
            {
                lines = long.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--repeats")
            {
                repeats = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
        }

        var report = new StringBuilder();
        void Say(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        Say($"# Whole-process {args[0]} benchmark, {lines:N0} lines");
        Say(string.Empty);
        Say($"Machine: {BenchPaths.MachineName()}, {Environment.ProcessorCount} logical cores, {TotalMemoryGiB():0.0} GiB memory, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Say($"Load average at start: {LoadAverage()} (other processes share these cores; wall times are inflated by that, CPU seconds are not)");
        Say(string.Empty);

        var clock = Stopwatch.StartNew();
        var (csv, summary) = BenchData.TransparencyCsv(lines);
        var size = new FileInfo(csv).Length;
        Say($"- input: {Path.GetFileName(csv)}, {size / 1048576.0:N0} MiB, {summary.Lines:N0} lines, total £{summary.Total:N2} (ready in {clock.Elapsed.TotalSeconds:N1} s)");

        var storePath = Path.Combine(BenchPaths.Data, $"store-{lines}.duckdb");
        if (args[0] == "import")
        {
            var baselinePath = BenchData.FreshDatabase($"baseline-{lines}.duckdb");
            clock.Restart();
            var cpu = Cpu();
            var baselineRows = DuckDbBaseline.ReadCsvIntoTable(csv, baselinePath);
            var baseline = clock.Elapsed;
            var baselineCpu = Cpu() - cpu;
            Say($"- DuckDB read_csv into a table: {baseline.TotalSeconds:N2} s wall, {baselineCpu.TotalSeconds:N2} s CPU, {baselineRows / baseline.TotalSeconds:N0} lines/s");

            clock.Restart();
            cpu = Cpu();
            var (parsed, parsedTotal) = TotalPlaceImport.ParseOnly(csv);
            var parse = clock.Elapsed;
            var parseCpu = Cpu() - cpu;
            Say($"- TotalPlace reader only (no store): {parse.TotalSeconds:N2} s wall, {parseCpu.TotalSeconds:N2} s CPU, {parsed / parse.TotalSeconds:N0} lines/s");

            BenchData.FreshDatabase(Path.GetFileName(storePath));
            clock.Restart();
            cpu = Cpu();
            var batch = await TotalPlaceImport.RunAsync(csv, storePath);
            var import = clock.Elapsed;
            var importCpu = Cpu() - cpu;
            Say($"- TotalPlace import into the DuckDB store (hash + read + classify + append, one batch): {import.TotalSeconds:N2} s wall, {importCpu.TotalSeconds:N2} s CPU, {batch.RowsLoaded / import.TotalSeconds:N0} lines/s");
            Say($"- ratio import / read_csv: {import.TotalSeconds / baseline.TotalSeconds:N2}x the wall time, {importCpu.TotalSeconds / baselineCpu.TotalSeconds:N2}x the CPU time (read_csv {baselineRows / baseline.TotalSeconds / 1e6:N2} M lines/s, import {batch.RowsLoaded / import.TotalSeconds / 1e6:N2} M lines/s)");
            var exact = batch.Total == summary.Total && parsedTotal == summary.Total && batch.RowsLoaded == summary.Lines;
            Say($"- reconciliation: stored {batch.RowsLoaded:N0} lines, £{batch.Total:N2}; generator £{summary.Total:N2}; {(exact ? "exact" : "MISMATCH")}");
            await Write(report, $"whole-process-import-{lines}.md");
            return exact ? 0 : 1;
        }

        if (!File.Exists(storePath))
        {
            Say("- no store yet: importing first");
            await TotalPlaceImport.RunAsync(csv, storePath);
        }

        await using var store = await PlaceStore.OpenDuckDbAsync(storePath);
        var timings = new List<double>();
        PlaceMap? map = null;
        var cpuTimes = new List<double>();
        for (var i = 0; i < repeats + 1; i++)
        {
            var cpuBefore = Cpu();
            clock.Restart();
            map = await store.Spend.MapAsync(TotalPlaceImport.MapQuery);
            if (i > 0)
            {
                timings.Add(clock.Elapsed.TotalMilliseconds);
                cpuTimes.Add((Cpu() - cpuBefore).TotalMilliseconds);
            }
            else
            {
                Say($"- first (cold) place map: {clock.Elapsed.TotalMilliseconds:N0} ms");
            }
        }

        timings.Sort();
        Say($"- place map theme x agency x year over {map!.Lines:N0} lines, {map.Rows.Count:N0} groups: median {timings[timings.Count / 2]:N0} ms, min {timings[0]:N0} ms, max {timings[^1]:N0} ms wall; median {cpuTimes.Order().ElementAt(cpuTimes.Count / 2):N0} ms CPU ({repeats} warm runs)");
        Say($"- reconciliation: map total £{map.Total:N2}, generator £{summary.Total:N2}, rows sum £{map.Rows.Sum(r => r.Amount):N2}: {(map.Total == summary.Total && map.Rows.Sum(r => r.Amount) == map.Total ? "exact" : "MISMATCH")}");
        await Write(report, $"whole-process-map-{lines}.md");
        return 0;
    }

    private static async Task Write(StringBuilder report, string name)
    {
        Directory.CreateDirectory(BenchPaths.Results);
        var path = Path.Combine(BenchPaths.Results, name);
        await File.WriteAllTextAsync(path, report.ToString());
        Console.WriteLine($"(written to {Path.GetRelativePath(BenchPaths.RepositoryRoot, path)})");
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static double TotalMemoryGiB() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0;
}
