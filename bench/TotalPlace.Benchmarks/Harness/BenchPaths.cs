namespace TotalPlace.Benchmarks.Harness;

/// <summary>Where generated data and results live: bench/data (git-ignored) and bench/results/&lt;machine&gt;.</summary>
public static class BenchPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Generated inputs and stores; TOTALPLACE_BENCH_DATA moves them (e.g. to a RAM disk, to take the disk out).</summary>
    public static string Data => Environment.GetEnvironmentVariable("TOTALPLACE_BENCH_DATA") is { Length: > 0 } folder
        ? folder
        : Path.Combine(RepositoryRoot, "bench", "data");

    public static string Results => Path.Combine(RepositoryRoot, "bench", "results", MachineName());

    /// <summary>A folder name for this machine: cores and CPU model, e.g. "2-core-amd-epyc".</summary>
    public static string MachineName()
    {
        var model = "unknown-cpu";
        if (File.Exists("/proc/cpuinfo"))
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null)
            {
                model = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }

        var slug = new string([.. model.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return $"{Environment.ProcessorCount}-core-{slug.Trim('-')}";
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TotalPlace.slnx")))
            {
                return dir.FullName;
            }
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TotalPlace.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (TotalPlace.slnx) above the benchmark's folder.");
    }
}
