using TotalPlace.Core.Spending;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Streaming;

/// <summary>Committing a batch whose lines are read on a second thread (the store's line pipeline) and whose header
/// is completed after the stream, on every engine: order, line numbers and themes as written, errors from either side
/// rolled back whole, and the SHA-256 known only at the end still keeping a re-import from adding anything.</summary>
public abstract class StreamingCommitContract<TFixture>(TFixture fixture)
    where TFixture : class, IPlaceStoreFixture
{
    private const string Manchester = "E08000003";
    private const string Council = "Manchester City Council";

    // More than two of the pipeline's blocks, so lines cross block boundaries.
    private const int ManyLines = (LinePipeline.BlockSize * 2) + 77;

    private static readonly string[] s_areas = ["Adult Social Care", "Highways", "Libraries", "Youth Offending Service", "Nowhere In Particular"];

    protected TFixture Fixture { get; } = fixture;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CommitTransactionsAsync_LinesAcrossManyBlocks_KeepsTheirOrderLineNumbersAndThemes()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var lines = ManyOf(ManyLines);

        var result = await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "blocks", ManyLines), lines, Ct);

        Assert.Equal(ManyLines, result.Batch.RowsLoaded);
        Assert.Equal(lines.Sum(l => l.Amount), result.Batch.Total);
        var stored = await store.Spend.QueryTransactionsAsync(
            new TransactionQuery(Manchester, Sort: "source_row", Descending: false, PageSize: 10_000), Ct);
        Assert.Equal(ManyLines, stored.Items.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var row = stored.Items[i];
            Assert.Equal(lines[i].SourceRow, row.SourceRow);
            Assert.Equal(i + 1, row.Id & 0xFFFF_FFFF);
            Assert.Equal(lines[i].Amount, row.Amount);
            Assert.Equal(lines[i].ExpenseArea, row.ExpenseArea);
            Assert.Equal(ClassificationRules.Default.Classify(lines[i]), row.Theme);
        }
    }

    [Fact]
    public async Task CommitTransactionsAsync_ReaderThrowsAfterSeveralBlocks_RethrowsItAsThrownAndStoresNothing()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var problem = new InvalidDataException("row 9999: the file ends mid-record");

        var thrown = await Assert.ThrowsAsync<InvalidDataException>(() =>
            store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "bad-end"), ThrowingAfter(ManyOf(ManyLines), problem), Ct));

        Assert.Same(problem, thrown);
        await AssertNothingStoredAsync(store);
    }

    [Fact]
    public async Task CommitTransactionsAsync_AmountOutOfRangeDeepInTheFile_NamesItsRowAndStoresNothing()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var lines = ManyOf(ManyLines);
        lines[ManyLines - 10] = new TransactionBuilder().Paying(0.00001m).AtRow(777_777).Build();

        var thrown = await Assert.ThrowsAsync<PlaceStoreException>(() =>
            store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "bad-amount"), lines, Ct));

        Assert.Contains("row 777777, column amount", thrown.Message, StringComparison.Ordinal);
        await AssertNothingStoredAsync(store);
    }

    [Fact]
    public async Task CommitTransactionsAsync_CancelledWhileReading_StopsTheReaderBeforeReturningAndStoresNothing()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var source = new WatchedLines(ManyOf(ManyLines), cancelAfter: LinePipeline.BlockSize + 5, cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "cancelled"), source, cancel.Token));

        Assert.True(source.Finished, "the reading thread must have let go of the lines before the commit returned");
        await AssertNothingStoredAsync(store);
    }

    [Fact]
    public async Task CommitTransactionsAsync_HashKnownOnlyAfterTheStream_StoresItAndTheSameFileAgainAddsNothing()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var sha = Headers.For(Manchester, Council, "late-hash").Sha256;
        var start = Headers.For(Manchester, Council, "late-hash") with { Sha256 = "", RowsRead = 0 };
        var lines = ManyOf(300);

        var first = await store.Spend.CommitTransactionsAsync(start, lines, h => h with { Sha256 = sha, RowsRead = 301 }, Ct);
        var again = await store.Spend.CommitTransactionsAsync(start, lines, h => h with { Sha256 = sha.ToUpperInvariant(), RowsRead = 301 }, Ct);

        Assert.False(first.AlreadyImported);
        Assert.Equal(sha, first.Batch.Sha256);
        Assert.Equal(301, first.Batch.RowsRead);
        Assert.True(again.AlreadyImported);
        Assert.Equal(first.Batch.Id, again.Batch.Id);
        Assert.Single(await store.Spend.ListBatchesAsync(Manchester, Ct));
        var stored = await store.Spend.QueryTransactionsAsync(new TransactionQuery(Manchester, PageSize: 1), Ct);
        Assert.Equal(300, stored.TotalCount);
    }

    [Fact]
    public async Task CommitTransactionsAsync_HashStillMissingAfterTheStream_IsRefusedAndStoresNothing()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var start = Headers.For(Manchester, Council, "no-hash") with { Sha256 = " " };

        await Assert.ThrowsAsync<ArgumentException>(() => store.Spend.CommitTransactionsAsync(start, ManyOf(10), h => h, Ct));

        await AssertNothingStoredAsync(store);
    }

    private static List<Transaction> ManyOf(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new TransactionBuilder()
            .Paying(((i * 7919) % 100_000) / 100m + 0.01m)
            .InArea(s_areas[i % s_areas.Length])
            .WithReference($"INV-{i:D6}")
            .AtRow(i + 2)
            .Build())];

    private static IEnumerable<Transaction> ThrowingAfter(IEnumerable<Transaction> lines, Exception exception)
    {
        foreach (var line in lines)
        {
            yield return line;
        }

        throw exception;
    }

    private static async Task AssertNothingStoredAsync(IPlaceStore store)
    {
        Assert.Empty(await store.Spend.ListBatchesAsync(cancellationToken: Ct));
        var places = await store.Places.ListPlacesAsync(Ct);
        if (places.Count > 0)
        {
            var stored = await store.Spend.QueryTransactionsAsync(new TransactionQuery(Manchester, PageSize: 1), Ct);
            Assert.Equal(0, stored.TotalCount);
        }
    }

    /// <summary>Lines that cancel the import part-way through and record when their enumerator has been let go.</summary>
    private sealed class WatchedLines(IReadOnlyList<Transaction> lines, int cancelAfter, CancellationTokenSource cancel) : IEnumerable<Transaction>
    {
        private int _finished;

        public bool Finished => Volatile.Read(ref _finished) == 1;

        public IEnumerator<Transaction> GetEnumerator()
        {
            try
            {
                for (var i = 0; i < lines.Count; i++)
                {
                    if (i == cancelAfter)
                    {
                        cancel.Cancel();
                    }

                    yield return lines[i];
                }
            }
            finally
            {
                Volatile.Write(ref _finished, 1);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
