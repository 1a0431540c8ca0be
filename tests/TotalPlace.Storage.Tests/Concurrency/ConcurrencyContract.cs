using System.Collections.Concurrent;
using TotalPlace.Core.Places;
using TotalPlace.Demo;
using TotalPlace.Import;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Concurrency;

/// <summary>Two analysts importing at once while others read: nothing is lost and no reader ever sees a half-loaded
/// batch. One abstract suite, one subclass per engine.</summary>
public abstract class ConcurrencyContract<TFixture>(TFixture fixture) : IDisposable
    where TFixture : class, IPlaceStoreFixture
{
    private const string Place = "E11000001";
    private const int LinesPerFile = 40_000;

    private readonly string _folder = Directory.CreateTempSubdirectory("totalplace-concurrency-").FullName;

    protected TFixture Fixture { get; } = fixture;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Names a new, empty store that <see cref="PlaceStore.OpenAsync(string, CancellationToken)"/> opens; opening it twice gives two
    /// independent stores over the same data, as two processes would have.</summary>
    protected abstract Task<string> NewStoreAsync();

    /// <summary>A second writer on the store <paramref name="first"/> was opened on, as a second process would have.</summary>
    protected virtual async Task<IPlaceStore> OpenSecondWriterAsync(string target, IPlaceStore first) => await PlaceStore.OpenAsync(target, Ct);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task TwoImportsAtOnceWithReaders_BothBatchesWhole_AndReadersOnlyEverSeeWholeBatches()
    {
        await using var store = await PlaceStore.OpenAsync(await NewStoreAsync(), Ct);
        var (before, beforeFile) = Write("before.csv", 2_000, seed: 7, partner: "salford-city-council");
        await ImportAsync(store, beforeFile, "Salford City Council");
        var (a, fileA) = Write("council-a.csv", LinesPerFile, seed: 11, partner: "manchester-city-council");
        var (b, fileB) = Write("trust-b.csv", LinesPerFile, seed: 12, partner: "other-gm-councils");
        var allowed = new[] { before.Total, before.Total + a.Total, before.Total + b.Total, before.Total + a.Total + b.Total };
        var wholeBatches = new Dictionary<string, (long Lines, decimal Total)>(StringComparer.Ordinal)
        {
            ["before.csv"] = (before.Lines, before.Total),
            ["council-a.csv"] = (a.Lines, a.Total),
            ["trust-b.csv"] = (b.Lines, b.Total),
        };

        var totalsSeen = new ConcurrentBag<decimal>();
        var batchListsSeen = new ConcurrentBag<IReadOnlyList<ImportBatch>>();
        var readsWhileImporting = 0;
        var importing = 2;
        var readers = Enumerable.Range(0, 3).Select(r => Task.Run(
            async () =>
            {
                while (Volatile.Read(ref importing) > 0)
                {
                    var map = await store.Spend.MapAsync(new MapQuery(Place, [MapDimension.Agency], Source: MapSource.Transactions), Ct);
                    totalsSeen.Add(map.Total);
                    totalsSeen.Add(map.Rows.Sum(row => row.Amount));
                    batchListsSeen.Add(await store.Spend.ListBatchesAsync(Place, Ct));
                    if (Volatile.Read(ref importing) > 0)
                    {
                        Interlocked.Increment(ref readsWhileImporting);
                    }
                }
            },
            Ct)).ToList();

        var imports = new[] { (fileA, "Manchester City Council"), (fileB, "Other Greater Manchester Councils") }.Select(f => Task.Run(
            async () =>
            {
                try
                {
                    return await ImportAsync(store, f.Item1, f.Item2);
                }
                finally
                {
                    Interlocked.Decrement(ref importing);
                }
            },
            Ct)).ToList();
        var results = await Task.WhenAll(imports);
        await Task.WhenAll(readers);

        Assert.All(results, r => Assert.False(r.AlreadyImported));
        var batches = await store.Spend.ListBatchesAsync(Place, Ct);
        Assert.Equal(3, batches.Count);
        Assert.All(batches, batch =>
        {
            Assert.Equal(wholeBatches[batch.FileName].Lines, batch.RowsLoaded);
            Assert.Equal(wholeBatches[batch.FileName].Total, batch.Total);
        });
        var after = await store.Spend.MapAsync(new MapQuery(Place, [MapDimension.Agency], Source: MapSource.Transactions), Ct);
        Assert.Equal(before.Total + a.Total + b.Total, after.Total);
        Assert.Equal(before.Lines + a.Lines + b.Lines, after.Rows.Sum(row => row.Lines));

        Assert.True(readsWhileImporting > 0, "no reader read while the imports ran; the test proved nothing");
        Assert.All(totalsSeen, total => Assert.Contains(total, allowed));
        Assert.All(batchListsSeen.SelectMany(list => list), batch =>
        {
            Assert.Equal(wholeBatches[batch.FileName].Lines, batch.RowsLoaded);
            Assert.Equal(wholeBatches[batch.FileName].Total, batch.Total);
        });
    }

    [Fact]
    public async Task SameFileFromTwoWritersAtOnce_LoadsExactlyOneBatch()
    {
        var target = await NewStoreAsync();
        await using var first = await PlaceStore.OpenAsync(target, Ct);
        var second = await OpenSecondWriterAsync(target, first);
        var (summary, file) = Write("same.csv", LinesPerFile / 2, seed: 21, partner: "manchester-city-council");

        BatchResult[] results;
        try
        {
            results = await Task.WhenAll(
                Task.Run(() => ImportAsync(first, file, "Manchester City Council"), Ct),
                Task.Run(() => ImportAsync(second, file, "Manchester City Council"), Ct));
        }
        finally
        {
            if (!ReferenceEquals(first, second))
            {
                await second.DisposeAsync();
            }
        }

        Assert.Single(results, r => !r.AlreadyImported);
        Assert.Single(results, r => r.AlreadyImported);
        Assert.Equal(results[0].Batch.Id, results[1].Batch.Id);
        var batch = Assert.Single(await first.Spend.ListBatchesAsync(Place, Ct));
        Assert.Equal(summary.Lines, batch.RowsLoaded);
        var map = await first.Spend.MapAsync(new MapQuery(Place, [], Source: MapSource.Transactions), Ct);
        Assert.Equal(summary.Total, map.Total);
    }

    private (TransparencyFileSummary Summary, string Path) Write(string name, long lines, int seed, string partner)
    {
        var path = Path.Combine(_folder, name);
        return (TransparencyCsvWriter.WriteFile(path, lines, seed, partner, Ct), path);
    }

    // What the CLI does with a big file: stream the lines into the store, completing the header's row count once
    // the file has been read.
    private static async Task<BatchResult> ImportAsync(IPlaceStore store, string path, string agency)
    {
        await store.Places.EnsureAgencyAsync(Place, new Agency(agency, AgencyKind.LocalAuthority, FundingSource.LocalTaxation), Ct);
        using var stream = SpendFileReader.Open(path);
        var header = new BatchHeader(Place, agency, Path.GetFileName(path), SpendFileReader.ComputeSha256(path), 0, [], "concurrency test", DateTimeOffset.UtcNow);
        var result = await store.Spend.CommitTransactionsAsync(header, stream.Transactions, h => h with { RowsRead = stream.RowsRead }, Ct);
        Assert.Equal(0, stream.ErrorCount);
        return result;
    }
}
