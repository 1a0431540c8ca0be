using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace TotalPlace.Benchmarks.Scale;

/// <summary>A PostgreSQL cluster for one benchmark run: initdb in a fresh folder, started as user postgres (the server
/// refuses root) on a free port, stopped and removed at the end. Unlike the test fixture it keeps the server's
/// durability defaults (fsync, synchronous commit, full-page writes on), so load figures are ones a real server gives.</summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    /// <summary>Settings passed to the server, printed with the results. Memory sized for a 24 GiB, 2-core machine
    /// shared with other work; parallel scans use both cores.</summary>
    public const string Settings =
        "-c shared_buffers=2GB -c work_mem=64MB -c maintenance_work_mem=512MB -c max_wal_size=4GB " +
        "-c checkpoint_timeout=30min -c max_parallel_workers_per_gather=2";

    private readonly string _binaries;
    private readonly string _folder;

    private ThrowawayPostgres(string binaries, string folder, int port)
    {
        _binaries = binaries;
        _folder = folder;
        Port = port;
    }

    /// <summary>The port the server listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The server's data directory (for its size on disk).</summary>
    public string DataDirectory => Path.Combine(_folder, "data");

    /// <summary>The PostgreSQL version found (the folder name under /usr/lib/postgresql).</summary>
    public string Version => Path.GetFileName(Path.GetDirectoryName(_binaries)) ?? "?";

    /// <summary>A connection string to the cluster's postgres database as user postgres.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=60;Command Timeout=0";

    /// <summary>Creates and starts a cluster in a new folder under the system's temp folder (which user postgres can
    /// reach, unlike a root-owned checkout).</summary>
    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var binaries = FindBinaries() ?? throw new InvalidOperationException("PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql; install postgresql-15.");
        var folder = Directory.CreateTempSubdirectory("totalplace-scale-pg-").FullName;
        var cluster = new ThrowawayPostgres(binaries, folder, FreePort());
        await RunAsync("chown", $"-R postgres \"{folder}\"", asPostgres: false);
        await RunAsync(Path.Combine(binaries, "initdb"), $"-D \"{cluster.DataDirectory}\" -A trust -U postgres -E UTF8 --locale=C", asPostgres: true);
        await RunAsync(
            Path.Combine(binaries, "pg_ctl"),
            $"-D \"{cluster.DataDirectory}\" -l \"{Path.Combine(folder, "server.log")}\" -w -t 300 -o \"-p {cluster.Port} -k {folder} -c listen_addresses=127.0.0.1 {Settings}\" start",
            asPostgres: true);
        return cluster;
    }

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
    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync(Path.Combine(_binaries, "pg_ctl"), $"-D \"{DataDirectory}\" -m fast -w -t 120 stop", asPostgres: true);
        }
        catch (InvalidOperationException)
        {
            // Not running; nothing to stop.
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string? FindBinaries()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        return versions.Select(v => Path.Combine(v, "bin")).FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string arguments, bool asPostgres)
    {
        var info = asPostgres && Environment.UserName == "root"
            ? new ProcessStartInfo("runuser", $"-u postgres -- \"{program}\" {arguments}")
            : new ProcessStartInfo(program, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {arguments} exited with {process.ExitCode}: {await error} {await output}");
        }
    }
}
