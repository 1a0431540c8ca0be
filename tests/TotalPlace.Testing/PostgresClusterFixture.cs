using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using TotalPlace.Storage;
using TotalPlace.Storage.Postgres;
using Xunit;

namespace TotalPlace.Testing;

/// <summary>A throwaway PostgreSQL cluster for the store contract suite: initdb in a temp folder, started on a free
/// port as user postgres (the server refuses to run as root), one fresh database per store, removed at the end.</summary>
/// <remarks>When the PostgreSQL binaries are absent the tests are skipped locally but fail on CI (the CI environment
/// variable is set), after Npgsql's IgnoreExceptOnBuildServer.</remarks>
public sealed class PostgresClusterFixture : IPlaceStoreFixture, IAsyncLifetime
{
    private int _count;
    private string? _folder;
    private string? _binaries;
    private string? _startError;

    /// <inheritdoc/>
    public string Engine => PostgresPlaceStore.EngineName;

    /// <summary>The port the cluster listens on (127.0.0.1).</summary>
    public int Port { get; private set; }

    /// <summary>The connection string of the cluster's maintenance database.</summary>
    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        _binaries = FindBinaries();
        if (_binaries is null)
        {
            _startError = "PostgreSQL server binaries (initdb, pg_ctl) were not found; install postgresql-15.";
            return;
        }

        try
        {
            _folder = Directory.CreateTempSubdirectory("totalplace-pg-").FullName;
            Port = FreePort();
            var data = Path.Combine(_folder, "data");
            await RunAsync("chown", $"-R postgres \"{_folder}\"", asPostgres: false);
            await RunAsync(Path.Combine(_binaries, "initdb"), $"-D \"{data}\" -A trust -U postgres -E UTF8 --locale=C --no-sync", asPostgres: true);
            await RunAsync(
                Path.Combine(_binaries, "pg_ctl"),
                $"-D \"{data}\" -l \"{Path.Combine(_folder, "server.log")}\" -w -o \"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start",
                asPostgres: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            _startError = "The throwaway PostgreSQL cluster did not start: " + ex.Message;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_folder is null || _binaries is null)
        {
            return;
        }

        try
        {
            await RunAsync(Path.Combine(_binaries, "pg_ctl"), $"-D \"{Path.Combine(_folder, "data")}\" -m immediate -w stop", asPostgres: true);
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
    }

    /// <inheritdoc/>
    public async Task<IPlaceStore> CreateStoreAsync(CancellationToken cancellationToken = default)
    {
        if (_startError is not null)
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                throw new InvalidOperationException(_startError);
            }

            Assert.Skip(_startError);
        }

        var database = $"store_{Interlocked.Increment(ref _count)}";
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return await PostgresPlaceStore.OpenAsync($"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}", cancellationToken);
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
