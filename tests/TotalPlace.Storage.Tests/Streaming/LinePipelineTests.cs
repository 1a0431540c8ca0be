using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Streaming;

public sealed class LinePipelineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StoreClassifier Classifier() => new(ClassificationRules.Default, Theme.Defaults);

    [Fact]
    public async Task ReadBlocksAsync_LinesOverSeveralBlocks_ComeInOrderNumberedFromOneWithTheirThemes()
    {
        var lines = Enumerable.Range(0, (LinePipeline.BlockSize * 3) + 1)
            .Select(i => new TransactionBuilder().Paying(i + 0.5m).InArea(i % 2 == 0 ? "Adult Social Care" : "Highways").AtRow(i + 2).Build())
            .ToList();
        await using var pipeline = LinePipeline.Start(lines, Classifier(), "file.csv", Ct);

        var seen = new List<ClassifiedLine>();
        await foreach (var block in pipeline.ReadBlocksAsync())
        {
            seen.AddRange(block.TakeWhile(l => l.Line is not null));
            pipeline.Return(block);
        }

        var (count, total) = await pipeline.CompleteAsync();
        Assert.Equal(lines.Count, count);
        Assert.Equal(lines.Sum(l => l.Amount), total);
        Assert.Equal(lines, seen.Select(s => s.Line));
        Assert.Equal(Enumerable.Range(1, lines.Count), seen.Select(s => s.LineNo));
        Assert.Equal(lines.Select(l => ClassificationRules.Default.Classify(l)), seen.Select(s => s.Theme));
    }

    [Fact]
    public async Task DisposeAsync_WriterGivesUpAfterOneBlock_StopsTheReadingThreadBeforeReturning()
    {
        var source = new EndlessLines();
        var pipeline = LinePipeline.Start(source, Classifier(), "endless.csv", Ct);
        await using (var blocks = pipeline.ReadBlocksAsync().GetAsyncEnumerator(Ct))
        {
            Assert.True(await blocks.MoveNextAsync());
        }

        await pipeline.DisposeAsync();

        // No wait-and-see: the reading task itself has ended, and the file's one enumeration has been let go, so
        // nothing can read it after DisposeAsync returned.
        Assert.True(pipeline.CompleteAsync().IsCompleted, "the reading task was still running when DisposeAsync returned");
        Assert.True(source.Finished);
        Assert.Equal(1, source.Enumerations);
    }

    [Fact]
    public async Task CompleteAsync_NullLine_IsRefusedAsAnArgumentOfTheLines()
    {
        Transaction?[] lines = [new TransactionBuilder().Paying(1m).Build(), null];
        await using var pipeline = LinePipeline.Start(lines!, Classifier(), "file.csv", Ct);
        await foreach (var block in pipeline.ReadBlocksAsync())
        {
            pipeline.Return(block);
        }

        var thrown = await Assert.ThrowsAsync<ArgumentNullException>(pipeline.CompleteAsync);
        Assert.Equal("lines", thrown.ParamName);
    }

    /// <summary>A file that never ends, counting its enumerations and recording when it was let go.</summary>
    private sealed class EndlessLines : IEnumerable<Transaction>
    {
        private int _finished;
        private int _enumerations;

        public bool Finished => Volatile.Read(ref _finished) == 1;

        public int Enumerations => Volatile.Read(ref _enumerations);

        public IEnumerator<Transaction> GetEnumerator()
        {
            Interlocked.Increment(ref _enumerations);
            try
            {
                var line = new TransactionBuilder().Paying(1m).Build();
                while (true)
                {
                    yield return line;
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
