using System.Threading.Channels;
using TotalPlace.Core.Spending;

namespace TotalPlace.Storage;

/// <summary>Reads, checks and classifies a batch's lines on a thread of its own and hands them over in blocks of
/// <see cref="BlockSize"/>, so that parsing the file (the caller's enumerable) and writing to the store (the bulk
/// writer) run on two cores instead of one after the other.</summary>
/// <remarks>
/// <para>Order is kept: blocks arrive in the order the lines were read, and the line numbers are given here.</para>
/// <para>Errors stay where the caller expects them: anything the enumerable throws (a rejected file at its end, a
/// cancelled read) or a line the store refuses (an amount out of range) ends the pipeline, and
/// <see cref="CompleteAsync"/> rethrows it as it was thrown, so the store's transaction rolls back. When the writer
/// fails instead, <see cref="DisposeAsync"/> stops the reading thread and waits for it, so the caller's stream is
/// never read after the commit has returned.</para>
/// <para>At most <see cref="BlocksAhead"/> blocks wait in the channel, which bounds the memory held to a few thousand
/// lines whatever the file's size.</para>
/// </remarks>
internal sealed class LinePipeline : IAsyncDisposable
{
    public const int BlockSize = 2048;

    public const int BlocksAhead = 8;

    private readonly Channel<ClassifiedLine[]> _channel;
    private readonly CancellationTokenSource _stop;
    private readonly Task<(int Count, decimal Total)> _reader;
    private readonly Stack<ClassifiedLine[]> _free = new();
    private readonly Lock _freeLock = new();

    private LinePipeline(IEnumerable<Transaction> lines, StoreClassifier classifier, string fileName, CancellationToken cancellationToken)
    {
        _channel = Channel.CreateBounded<ClassifiedLine[]>(new BoundedChannelOptions(BlocksAhead)
        {
            SingleReader = false,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = _stop.Token;
        _reader = Task.Factory.StartNew(
            () => Read(lines, classifier, fileName, token),
            CancellationToken.None,
            TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach,
            TaskScheduler.Default);
    }

    /// <summary>Starts reading <paramref name="lines"/> on a thread of its own.</summary>
    public static LinePipeline Start(IEnumerable<Transaction> lines, StoreClassifier classifier, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(classifier);
        return new LinePipeline(lines, classifier, fileName, cancellationToken);
    }

    /// <summary>The blocks in order; each block's unused tail is null. Give each block back with
    /// <see cref="Return"/> once its lines are written.</summary>
    public async IAsyncEnumerable<ClassifiedLine[]> ReadBlocksAsync()
    {
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (reader.TryRead(out var block))
            {
                yield return block;
            }
        }
    }

    /// <summary>Takes the next block, blocking the calling thread until one is read; false once every block has been
    /// taken. Several threads may take blocks at once (an engine that writes on several cores): each block goes to
    /// one of them, and its lines carry their numbers, so order is kept in the stored line numbers, not in which
    /// thread writes first.</summary>
    public bool TryTakeBlock([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ClassifiedLine[]? block)
    {
        var reader = _channel.Reader;
        while (true)
        {
            if (reader.TryRead(out block))
            {
                return true;
            }

            var more = reader.WaitToReadAsync(CancellationToken.None);
            if (!(more.IsCompletedSuccessfully ? more.Result : more.AsTask().GetAwaiter().GetResult()))
            {
                block = null;
                return false;
            }
        }
    }

    /// <summary>Reuses a written block for a later one (a 10-million-line file then allocates a handful of blocks,
    /// not five thousand).</summary>
    public void Return(ClassifiedLine[] block)
    {
        Array.Clear(block);
        lock (_freeLock)
        {
            _free.Push(block);
        }
    }

    /// <summary>Waits for the reading thread after the last block and returns the count and exact total of the lines
    /// read, or rethrows what ended the reading.</summary>
    public Task<(int Count, decimal Total)> CompleteAsync() => _reader;

    public async ValueTask DisposeAsync()
    {
        if (!_reader.IsCompleted)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await _reader.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The writer's failure is the one being reported; the reader was only stopped because of it.
            }
        }

        _stop.Dispose();
    }

    private (int Count, decimal Total) Read(IEnumerable<Transaction> lines, StoreClassifier classifier, string fileName, CancellationToken cancellationToken)
    {
        var writer = _channel.Writer;
        try
        {
            var count = 0;
            var total = 0m;
            var block = Rent();
            var filled = 0;
            foreach (var line in lines)
            {
                ArgumentNullException.ThrowIfNull(line, nameof(lines));
                if (StoreAmounts.Check(line.Amount) is { } problem)
                {
                    throw new PlaceStoreException($"{fileName}, row {line.SourceRow}, column amount: {problem}.", fileName, line.SourceRow, "amount");
                }

                count++;
                total += line.Amount;
                block[filled++] = new ClassifiedLine(line, count, classifier.Classify(line));
                if (filled == block.Length)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Send(writer, block, cancellationToken);
                    block = Rent();
                    filled = 0;
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (filled > 0)
            {
                Send(writer, block, cancellationToken);
            }

            return (count, total);
        }
        finally
        {
            // Completing without the exception: the consumer learns of it from CompleteAsync, unwrapped.
            writer.TryComplete();
        }
    }

    private static void Send(ChannelWriter<ClassifiedLine[]> writer, ClassifiedLine[] block, CancellationToken cancellationToken)
    {
        // This is a dedicated thread, so blocking it while the writer catches up is the intended back-pressure.
        while (!writer.TryWrite(block))
        {
            if (!writer.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                throw new InvalidOperationException("The store stopped taking lines before the file was read.");
            }
        }
    }

    private ClassifiedLine[] Rent()
    {
        lock (_freeLock)
        {
            if (_free.TryPop(out var block))
            {
                return block;
            }
        }

        return new ClassifiedLine[BlockSize];
    }
}
