using System.Globalization;
using TotalPlace.Demo;

namespace TotalPlace.Benchmarks.Harness;

/// <summary>The generated transparency CSVs the benchmarks read, made once per size under bench/data (git-ignored).</summary>
public static class BenchData
{
    /// <summary>Writes (or reuses) a synthetic "expenditure over £500" file of <paramref name="lines"/> data lines.</summary>
    public static (string Path, TransparencyFileSummary Summary) TransparencyCsv(long lines)
    {
        Directory.CreateDirectory(BenchPaths.Data);
        var path = Path.Combine(BenchPaths.Data, $"transparency-{lines}.csv");
        var done = path + ".total";
        if (File.Exists(path) && File.Exists(done))
        {
            return (path, new TransparencyFileSummary(lines, decimal.Parse(File.ReadAllText(done), CultureInfo.InvariantCulture)));
        }

        var summary = TransparencyCsvWriter.WriteFile(path, lines);
        File.WriteAllText(done, summary.Total.ToString(CultureInfo.InvariantCulture));
        return (path, summary);
    }

    /// <summary>A fresh database path under bench/data, with any old file (and its WAL) removed.</summary>
    public static string FreshDatabase(string name)
    {
        Directory.CreateDirectory(BenchPaths.Data);
        var path = Path.Combine(BenchPaths.Data, name);
        DuckDbBaseline.DeleteDatabase(path);
        return path;
    }
}
