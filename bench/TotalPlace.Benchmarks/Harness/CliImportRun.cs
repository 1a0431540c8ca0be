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
        for (var i = 1; i < args.Length - 1; i++)
        {
            if (args[i] == "--lines")
            {
                lines = long.Parse(args[i + 1], CultureInfo.InvariantCulture);
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

        var baselineDb = BenchData.FreshDatabase($"cli-baseline-{lines}.duckdb");
        var baseline = await MeasureAsync("dotnet", [typeof(CliImportRun).Assembly.Location, ReadCsvChild, csv, baselineDb]);
        Say($"- DuckDB read_csv into a table (own process): {baseline.Wall.TotalSeconds:N2} s wall, {baseline.Cpu.TotalSeconds:N2} s CPU, peak RSS {baseline.PeakMiB:N0} MiB");

        var store = BenchData.FreshDatabase($"cli-store-{lines}.duckdb");
        var import = await MeasureAsync("dotnet", [cli, "import", csv, "--place", TotalPlaceImport.Place, "--agency", TotalPlaceImport.Agency, "--store", store, "--format", "json"]);
        Say($"- totalplace import (own process): {import.Wall.TotalSeconds:N2} s wall, {import.Cpu.TotalSeconds:N2} s CPU, peak RSS {import.PeakMiB:N0} MiB, exit {import.ExitCode}");
        Say($"- ratio import / read_csv: {import.Wall.TotalSeconds / baseline.Wall.TotalSeconds:N2}x the wall time, {import.Cpu.TotalSeconds / baseline.Cpu.TotalSeconds:N2}x the CPU time, {import.PeakMiB / baseline.PeakMiB:N2}x the peak memory");
        var total = TotalRegex().Match(import.Output);
        Say($"- the import's reported total: {(total.Success ? total.Groups[1].Value : "not found")}; generator {summary.Total.ToString(CultureInfo.InvariantCulture)}");

        Directory.CreateDirectory(BenchPaths.Results);
        var path = Path.Combine(BenchPaths.Results, $"cli-import-{lines}.md");
        await File.WriteAllTextAsync(path, report.ToString());
        Console.WriteLine($"(written to {Path.GetRelativePath(BenchPaths.RepositoryRoot, path)})");
        return import.ExitCode;
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
