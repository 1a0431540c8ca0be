using System.Globalization;
using TotalPlace.Testing;

namespace TotalPlace.Benchmarks.Scale;

/// <summary>A PostgreSQL cluster for one benchmark run: the tests' <see cref="PostgresCluster"/> (initdb in a fresh
/// folder, started as user postgres on a free port, removed at the end), but durable — fsync, synchronous commit and
/// full-page writes on, as a real server has them, so load figures are ones a real server gives — and sized by
/// <see cref="Settings"/>; plus what the benchmark reads off it (server CPU, size on disk).</summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    /// <summary>Settings passed to the server, printed with the results. Memory sized for a 24 GiB, 2-core machine
    /// shared with other work; parallel scans use both cores.</summary>
    public const string Settings =
        "-c shared_buffers=2GB -c work_mem=64MB -c maintenance_work_mem=512MB -c max_wal_size=4GB " +
        "-c checkpoint_timeout=30min -c max_parallel_workers_per_gather=2";

    private readonly PostgresCluster _cluster;

    private ThrowawayPostgres(PostgresCluster cluster) => _cluster = cluster;

    /// <summary>The port the server listens on, on 127.0.0.1.</summary>
    public int Port => _cluster.Port;

    /// <summary>The server's data directory (for its size on disk).</summary>
    public string DataDirectory => _cluster.DataDirectory;

    /// <summary>The PostgreSQL version found (the folder name under /usr/lib/postgresql).</summary>
    public static string Version => Path.GetFileName(Path.GetDirectoryName(PostgresCluster.Binaries)) ?? "?";

    /// <summary>A connection string to the cluster's postgres database as user postgres, with no command time-out
    /// (a 100-million-line load is one command).</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=60;Command Timeout=0";

    /// <summary>Creates and starts a durable cluster with <see cref="Settings"/>.</summary>
    public static async Task<ThrowawayPostgres> StartAsync() =>
        new(await PostgresCluster.StartNewAsync(durable: true, serverSettings: Settings));

    /// <summary>CPU time used so far by the server: the postmaster, its live backends and workers, and the children
    /// it has already reaped (parallel workers that have exited), from /proc.</summary>
    public TimeSpan ServerCpu()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return TimeSpan.Zero;
        }

        var postmaster = int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture);
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            // Fields after the command name "(…)": state ppid … utime(14) stime(15) cutime(16) cstime(17).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            if (pid == postmaster)
            {
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)
                    + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
            }
            else if (parent == postmaster)
            {
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
        }

        // USER_HZ is 100 on Linux.
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>Bytes under the data directory.</summary>
    public long SizeOnDisk() =>
        new DirectoryInfo(DataDirectory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f =>
        {
            try
            {
                return f.Length;
            }
            catch (FileNotFoundException)
            {
                return 0;
            }
        });

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _cluster.DisposeAsync();
}
