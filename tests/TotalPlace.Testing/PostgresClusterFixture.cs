using TotalPlace.Storage;
using TotalPlace.Storage.Postgres;
using Xunit;

namespace TotalPlace.Testing;

/// <summary>A throwaway PostgreSQL cluster shared by a test class: one fresh database per store, removed at the end.
/// A test that stops the server gets a private cluster from <see cref="StartPrivateClusterAsync"/>.</summary>
/// <remarks>When the PostgreSQL binaries are absent the tests are skipped locally but fail on CI (the CI environment
/// variable is set), after Npgsql's IgnoreExceptOnBuildServer.</remarks>
public sealed class PostgresClusterFixture : IPlaceStoreFixture, IAsyncLifetime
{
    private PostgresCluster? _cluster;
    private string? _startError;

    /// <inheritdoc/>
    public string Engine => PostgresPlaceStore.EngineName;

    /// <summary>The port the cluster listens on (127.0.0.1).</summary>
    public int Port => Cluster.Port;

    /// <summary>The connection string of the cluster's maintenance database.</summary>
    public string AdminConnectionString => Cluster.AdminConnectionString;

    private PostgresCluster Cluster => _cluster ?? throw new InvalidOperationException(_startError ?? "The cluster is not started.");

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        try
        {
            _cluster = await PostgresCluster.StartNewAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            _startError = "The throwaway PostgreSQL cluster did not start: " + ex.Message;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>Creates a new empty database and returns its connection string, for tests that open (and reopen) a
    /// store themselves.</summary>
    public Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        SkipUnlessStarted();
        return Cluster.CreateDatabaseAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IPlaceStore> CreateStoreAsync(CancellationToken cancellationToken = default) =>
        await PostgresPlaceStore.OpenAsync(await CreateDatabaseAsync(cancellationToken), cancellationToken);

    /// <summary>A cluster of the test's own, durable (fsync and synchronous commit on), for tests that stop or kill
    /// the server; the caller disposes it. Skipped, or failed on CI, like the shared one when PostgreSQL is absent.</summary>
    public static async Task<PostgresCluster> StartPrivateClusterAsync()
    {
        if (PostgresCluster.Binaries is null)
        {
            Skip("PostgreSQL server binaries (initdb, pg_ctl) were not found; install postgresql-15.");
        }

        return await PostgresCluster.StartNewAsync(durable: true);
    }

    private void SkipUnlessStarted()
    {
        if (_startError is not null)
        {
            Skip(_startError);
        }
    }

    private static void Skip(string reason)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            throw new InvalidOperationException(reason);
        }

        Assert.Skip(reason);
    }
}
