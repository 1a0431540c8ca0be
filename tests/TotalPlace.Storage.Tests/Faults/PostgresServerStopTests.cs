using Npgsql;
using TotalPlace.Core.Places;
using TotalPlace.Demo;
using TotalPlace.Import;
using TotalPlace.Storage.Postgres;
using TotalPlace.Testing;
using Xunit.Sdk;

namespace TotalPlace.Storage.Tests.Faults;

/// <summary>The PostgreSQL server is stopped (immediate mode: every backend killed, no checkpoint, as in a crash) in
/// the middle of a large import's COPY: the import fails with a clear error, after restart the batch is whole or
/// absent, never partial, and importing the file again then stores it exactly once.</summary>
/// <remarks>Runs on a private, durable cluster of its own, because it kills the server.</remarks>
public sealed class PostgresServerStopTests : IAsyncLifetime
{
    private const string Place = "E08000003";
    private const string Agency = "Manchester City Council";

    // Big enough that the COPY runs for seconds, so the stop lands in the middle of it.
    private const int Lines = 1_200_000;

    private readonly string _folder = Directory.CreateTempSubdirectory("totalplace-fault-").FullName;
    private PostgresCluster? _cluster;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _cluster = await PostgresClusterFixture.StartPrivateClusterAsync();

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task ServerStoppedMidCopy_ImportFailsClearly_BatchWholeOrAbsent_ReimportStoresItOnce()
    {
        var cluster = _cluster!;
        var target = await cluster.CreateDatabaseAsync(Ct);
        var database = new NpgsqlConnectionStringBuilder(target).Database!;
        var path = Path.Combine(_folder, "big.csv");
        var file = TransparencyCsvWriter.WriteFile(path, Lines, seed: 3, cancellationToken: Ct);
        decimal kept;
        await using (var before = await PostgresPlaceStore.OpenAsync(target, Ct))
        {
            kept = (await ImportAsync(before, Path.Combine(_folder, "small.csv"), 500)).Batch.Total;
        }

        var store = await PostgresPlaceStore.OpenAsync(target, Ct);
        var import = Task.Run(() => ImportAsync(store, path), Ct);
        var copied = await WaitForCopyAsync(cluster, database, import);
        await cluster.StopImmediatelyAsync();
        var error = await Assert.ThrowsAsync<PostgresConnectionLostException>(() => import);
        await store.DisposeAsync();

        TestContext.Current.TestOutputHelper?.WriteLine($"Stopped after the server reported {copied:N0} rows copied; the import said: {error.Message}");
        Assert.True(copied > 0, "the stop did not land in the middle of the COPY");
        Assert.False(error.MayHaveCommitted);
        Assert.StartsWith($"The PostgreSQL server 127.0.0.1:{cluster.Port} (database {database}) went away during a write (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("nothing of it was stored; run it again once the server is back.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);

        await cluster.StartAsync();
        await using var restarted = await PostgresPlaceStore.OpenAsync(target, Ct);
        await AssertNoPartialBatchAsync(target, restarted);
        var batches = await restarted.Spend.ListBatchesAsync(Place, Ct);
        Assert.DoesNotContain(batches, b => b.FileName == "big.csv");

        var again = await ImportAsync(restarted, path);
        var once = await ImportAsync(restarted, path);

        Assert.False(again.AlreadyImported);
        Assert.True(once.AlreadyImported);
        Assert.Equal(file.Lines, again.Batch.RowsLoaded);
        Assert.Equal(file.Total, again.Batch.Total);
        Assert.Single(await restarted.Spend.ListBatchesAsync(Place, Ct), b => b.FileName == "big.csv");
        Assert.Equal(kept + file.Total, (await restarted.Spend.MapAsync(new MapQuery(Place, [], Source: MapSource.Transactions), Ct)).Total);
        await AssertNoPartialBatchAsync(target, restarted);
    }

    // Waits, on a connection of its own, until the server reports the import's COPY under way with rows received.
    private static async Task<long> WaitForCopyAsync(PostgresCluster cluster, string database, Task import)
    {
        await using var watcher = new NpgsqlConnection(cluster.AdminConnectionString);
        await watcher.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT coalesce(max(c.tuples_processed), 0)
            FROM pg_stat_progress_copy c JOIN pg_stat_activity a ON a.pid = c.pid
            WHERE c.datname = $1 AND c.command = 'COPY FROM' AND a.query LIKE 'COPY spend_transaction%'
            """,
            watcher);
        command.Parameters.AddWithValue(database);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (import.IsCompleted)
            {
                throw new XunitException($"The import ended before the server reported its COPY: {import.Exception?.GetBaseException().Message ?? "it completed"}.");
            }

            var copied = (long)(await command.ExecuteScalarAsync(Ct))!;
            if (copied >= 20_000)
            {
                return copied;
            }

            await Task.Delay(25, Ct);
        }

        throw new XunitException("The server never reported the import's COPY in progress.");
    }

    // Every stored line belongs to a recorded batch, and every batch has exactly the lines and total it records.
    private static async Task AssertNoPartialBatchAsync(string target, IPlaceStore store)
    {
        await using var connection = new NpgsqlConnection(target);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT b.batch_id, b.rows_loaded, b.total, count(t.line_no), coalesce(sum(t.amount), 0)
            FROM import_batch b LEFT JOIN spend_transaction t ON t.place_id = b.place_id AND t.batch_id = b.batch_id
            GROUP BY b.batch_id, b.rows_loaded, b.total
            """,
            connection);
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                Assert.Equal(reader.GetInt32(1), reader.GetInt64(3));
                Assert.Equal(reader.GetDecimal(2), reader.GetDecimal(4));
            }
        }

        await using var orphans = new NpgsqlCommand(
            "SELECT count(*) FROM spend_transaction t WHERE NOT EXISTS (SELECT 1 FROM import_batch b WHERE b.place_id = t.place_id AND b.batch_id = t.batch_id)",
            connection);
        Assert.Equal(0L, (long)(await orphans.ExecuteScalarAsync(Ct))!);
        Assert.Equal(
            (await store.Spend.ListBatchesAsync(Place, Ct)).Sum(b => b.Total),
            (await store.Spend.MapAsync(new MapQuery(Place, [], Source: MapSource.Transactions), Ct)).Total);
    }

    private static async Task<BatchResult> ImportAsync(IPlaceStore store, string path, int? writeLines = null)
    {
        if (writeLines is { } count)
        {
            TransparencyCsvWriter.WriteFile(path, count, seed: 9, cancellationToken: Ct);
        }

        await store.Places.EnsureAgencyAsync(Place, new Agency(Agency, AgencyKind.LocalAuthority, FundingSource.LocalTaxation), Ct);
        using var stream = SpendFileReader.Open(path);
        var header = new BatchHeader(Place, Agency, Path.GetFileName(path), SpendFileReader.ComputeSha256(path), 0, [], "fault test", DateTimeOffset.UtcNow);
        return await store.Spend.CommitTransactionsAsync(header, stream.Transactions, h => h with { RowsRead = stream.RowsRead }, Ct);
    }
}
