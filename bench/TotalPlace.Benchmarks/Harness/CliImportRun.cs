using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TotalPlace.Benchmarks.Harness;

/// <summary>`cli-import --lines N`: the `totalplace import` command as a user runs it, a whole process, beside DuckDB's
/// own `read_csv` of the same file in a process of its own, in the same run; wall time and peak resident memory of
/// each from /usr/bin/time -v, reported as ratios.</summary>
/// <remarks>Needs the CLI built in Release first (`dotnet build -c Release src/TotalPlace.Cli`).</remarks>
public static partial class CliImportRun
{
    private const string ReadCsvChild = "read-csv-child";

    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "cli-import" or ReadCsvChild;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args[0] == ReadCsvChild)
        {
            Console.WriteLine(DuckDbBaseline.ReadCsvIntoTable(args[1], args[2]));
            return 0;
        }

        var lines = 2_000_000L;
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

        var cli = Path.Combine(BenchPaths.RepositoryRoot, "artifacts", "bin", "TotalPlace.Cli", "release", "totalplace.dll");
        if (!File.Exists(cli))
        {
            Console.Error.WriteLine($"build the CLI in Release first: {cli} not found");
            return 2;
        }

        var report = new StringBuilder();
        void Say(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        var (csv, summary) = BenchData.TransparencyCsv(lines);
        Say($"# `totalplace import` of {lines:N0} lines against DuckDB read_csv, whole processes");
        Say(string.Empty);
        Say($"Machine: {BenchPaths.MachineName()}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average at start {LoadAverage()}");
        Say($"- input: {Path.GetFileName(csv)}, {new FileInfo(csv).Length / 1048576.0:N0} MiB, {summary.Lines:N0} lines, total £{summary.Total:N2}");
        Say($"- {repeats} pairs, each DuckDB's read_csv into a fresh table in its own process and then `totalplace import` into a fresh store in its own, back to back; the ratio is taken within each pair (a virtual machine's speed drifts between pairs), and the medians are reported");
        Say(string.Empty);
        Say("| pair | read_csv wall | read_csv CPU | read_csv peak RSS | import wall | import CPU | import peak RSS | ratio wall | ratio CPU | exit | total exact |");
        Say("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");

        var pairs = new List<(Measured Baseline, Measured Import)>();
        var exit = 0;
        for (var pair = 1; pair <= repeats; pair++)
        {
            var baselineDb = BenchData.FreshDatabase($"cli-baseline-{lines}.duckdb");
            var baseline = await MeasureAsync("dotnet", [typeof(CliImportRun).Assembly.Location, ReadCsvChild, csv, baselineDb]);
            var store = BenchData.FreshDatabase($"cli-store-{lines}.duckdb");
            var import = await MeasureAsync("dotnet", [cli, "import", csv, "--place", TotalPlaceImport.Place, "--agency", TotalPlaceImport.Agency, "--store", store, "--format", "json"]);
            var total = TotalRegex().Match(import.Output);
            var exact = total.Success && decimal.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture) == summary.Total;
            exit = import.ExitCode != 0 ? import.ExitCode : exact ? exit : 1;
            pairs.Add((baseline, import));
            Say(string.Create(CultureInfo.InvariantCulture,
                $"| {pair} | {baseline.Wall.TotalSeconds:N2} s | {baseline.Cpu.TotalSeconds:N2} s | {baseline.PeakMiB:N0} MiB | {import.Wall.TotalSeconds:N2} s | {import.Cpu.TotalSeconds:N2} s | {import.PeakMiB:N0} MiB | {import.Wall / baseline.Wall:N2}x | {import.Cpu / baseline.Cpu:N2}x | {import.ExitCode} | {(exact ? "yes" : $"**no**: {(total.Success ? total.Groups[1].Value : "no total")}")} |"));
        }

        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        var ratio = Median(pairs.Select(p => p.Import.Wall / p.Baseline.Wall));
        var peak = pairs.Max(p => p.Import.PeakMiB);
        Say(string.Empty);
        Say($"- median wall: read_csv {Median(pairs.Select(p => p.Baseline.Wall.TotalSeconds)):N2} s, import {Median(pairs.Select(p => p.Import.Wall.TotalSeconds)):N2} s");
        Say($"- median ratio import / read_csv: {ratio:N2}x the wall time, {Median(pairs.Select(p => p.Import.Cpu / p.Baseline.Cpu)):N2}x the CPU time (target ≤ 1.5x the wall time: {(ratio <= 1.5 ? "met" : "**not met**")})");
        Say($"- highest peak RSS of the import: {peak:N0} MiB (target < 600 MiB: {(peak < 600 ? "met" : "**not met**")}); the generator's total £{summary.Total:N2}");
        Say($"- load average at end: {LoadAverage()}");

        Directory.CreateDirectory(BenchPaths.Results);
        var path = Path.Combine(BenchPaths.Results, $"cli-import-{lines}.md");
        await File.WriteAllTextAsync(path, report.ToString());
        Console.WriteLine($"(written to {Path.GetRelativePath(BenchPaths.RepositoryRoot, path)})");
        return exit;
    }

    private sealed record Measured(TimeSpan Wall, TimeSpan Cpu, double PeakMiB, int ExitCode, string Output);

    private static async Task<Measured> MeasureAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-v");
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var wall = clock.Elapsed;
        var timeReport = await errors;
        var peak = double.Parse(Field(timeReport, "Maximum resident set size (kbytes)"), CultureInfo.InvariantCulture) / 1024;
        var cpu = TimeSpan.FromSeconds(double.Parse(Field(timeReport, "User time (seconds)"), CultureInfo.InvariantCulture)
            + double.Parse(Field(timeReport, "System time (seconds)"), CultureInfo.InvariantCulture));
        return new Measured(wall, cpu, peak, process.ExitCode, await output);
    }

    private static string Field(string report, string name)
    {
        var line = report.Split('\n').FirstOrDefault(l => l.Trim().StartsWith(name, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"/usr/bin/time -v did not report '{name}': {report}");
        return line[(line.LastIndexOf(':') + 1)..].Trim();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    [GeneratedRegex("\"total\":\\s*([-0-9.]+)")]
    private static partial Regex TotalRegex();
}
