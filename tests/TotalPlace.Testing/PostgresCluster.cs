using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace TotalPlace.Testing;

/// <summary>One throwaway PostgreSQL cluster: initdb in a temp folder, started on a free loopback port as user
/// postgres (the server refuses to run as root), stopped and deleted on dispose. Tests that stop or kill the server
/// (fault tests) start their own; the rest share one through <see cref="PostgresClusterFixture"/>; the benchmarks start
/// a durable one with their own server settings.</summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _binaries;
    private readonly string _folder;
    private readonly bool _durable;
    private readonly string _serverSettings;
    private int _count;

    private PostgresCluster(string binaries, string folder, int port, bool durable, string serverSettings)
    {
        _binaries = binaries;
        _folder = folder;
        Port = port;
        _durable = durable;
        _serverSettings = serverSettings;
    }

    /// <summary>The folder holding PostgreSQL 15's initdb and pg_ctl; null when the server is not installed.</summary>
    public static string? Binaries { get; } = FindBinaries();

    /// <summary>The port the cluster listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>The cluster's data directory.</summary>
    public string DataDirectory => Path.Combine(_folder, "data");

    /// <summary>The server's log file, for messages when a test fails.</summary>
    public string LogFile => Path.Combine(_folder, "server.log");

    /// <summary>The connection string of the cluster's maintenance database.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    /// <summary>Creates and starts a cluster.</summary>
    /// <param name="durable">Keeps fsync and synchronous commit on, as a production server has them; a fault test
    /// needs that, or a commit acknowledged just before an immediate stop may not survive it. Off (the default) is
    /// faster and fine for tests that never stop the server.</param>
    /// <param name="serverSettings">More server options, as <c>-c name=value</c> pairs (the benchmarks size memory and
    /// parallelism with them).</param>
    /// <exception cref="InvalidOperationException">The binaries are missing or the cluster did not start.</exception>
    public static async Task<PostgresCluster> StartNewAsync(bool durable = false, string serverSettings = "")
    {
        ArgumentNullException.ThrowIfNull(serverSettings);
        var binaries = Binaries ?? throw new InvalidOperationException("PostgreSQL server binaries (initdb, pg_ctl) were not found; install postgresql-15.");
        var folder = Directory.CreateTempSubdirectory("totalplace-pg-").FullName;
        var cluster = new PostgresCluster(binaries, folder, FreePort(), durable, serverSettings.Trim());
        try
        {
            await RunAsync("chown", $"-R postgres \"{folder}\"", asPostgres: false);
            await RunAsync(Path.Combine(binaries, "initdb"), $"-D \"{cluster.DataDirectory}\" -A trust -U postgres -E UTF8 --locale=C --no-sync", asPostgres: true);
            await cluster.StartAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the (stopped) server again on the same port and data; crash recovery runs when it was killed.</summary>
    public Task StartAsync()
    {
        var settings = (_durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off") +
            (_serverSettings.Length > 0 ? " " + _serverSettings : "");
        return RunAsync(
            Path.Combine(_binaries, "pg_ctl"),
            $"-D \"{DataDirectory}\" -l \"{LogFile}\" -w -t 300 -o \"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1{settings}\" start",
            asPostgres: true);
    }

    /// <summary>Stops the server in immediate mode: every backend is killed at once with no checkpoint, as in a crash
    /// or power cut; the next start runs crash recovery.</summary>
    public Task StopImmediatelyAsync() =>
        RunAsync(Path.Combine(_binaries, "pg_ctl"), $"-D \"{DataDirectory}\" -m immediate -w stop", asPostgres: true);

    /// <summary>A connection string to <paramref name="database"/> on this cluster (no pooling, so a stopped server
    /// leaves no stale pooled connection behind).</summary>
    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=false";

    /// <summary>Creates a new empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var database = $"store_{Interlocked.Increment(ref _count)}";
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}";
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopImmediatelyAsync();
        }
        catch (InvalidOperationException)
        {
            // The cluster was not running; nothing to stop.
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
        var root = Environment.UserName == "root";
        var info = asPostgres && root
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
