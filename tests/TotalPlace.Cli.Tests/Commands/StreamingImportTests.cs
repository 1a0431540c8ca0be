using System.Security.Cryptography;
using System.Text;
using TotalPlace.Application.Spend;
using TotalPlace.Cli.Tests.Infrastructure;
using TotalPlace.Import;
using TotalPlace.Storage;

namespace TotalPlace.Cli.Tests.Commands;

/// <summary>The import's one path for files of every size: one read of the file, hashed as it is parsed, with the
/// batch header completed by the store after the last line.</summary>
public sealed class StreamingImportTests : IDisposable
{
    private const string Devon = "E10000008";
    private const string Council = "Devon County Council";

    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportStreamingAsync_RealPublishedFile_ReadsItOnceAndStoresItsHashRowsAndTotal()
    {
        var path = SampleFiles.Devon202504;
        var (expectedTotal, expectedRows) = IndependentTotal.Sum(path, "Amount", Encoding.UTF8);
        await using var store = await PlaceStore.OpenDuckDbAsync(_folder.File("store.duckdb"), Ct);
        var opened = new List<CountingStream>();

        var outcome = await ImportAsync(store, path, opened);

        var read = Assert.Single(opened);
        Assert.Equal(new FileInfo(path).Length, read.BytesRead);
        Assert.Equal(0, read.Seeks);
        Assert.Equal(ImportStatus.Imported, outcome.Status);
        var batch = outcome.Batch!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path, Ct))), batch.Sha256);
        Assert.Equal(expectedRows, batch.RowsLoaded);
        Assert.Equal(expectedRows, batch.RowsRead);
        Assert.Equal(expectedTotal, batch.Total);
    }

    [Fact]
    public async Task ImportStreamingAsync_SameFileTwice_SecondReadsItOnceAndAddsNothing()
    {
        var path = SampleFiles.Devon202504;
        await using var store = await PlaceStore.OpenDuckDbAsync(_folder.File("store.duckdb"), Ct);
        var first = await ImportAsync(store, path, []);
        var opened = new List<CountingStream>();

        var again = await ImportAsync(store, path, opened);

        Assert.Equal(new FileInfo(path).Length, Assert.Single(opened).BytesRead);
        Assert.Equal(ImportStatus.AlreadyImported, again.Status);
        Assert.Equal(first.Batch!.Id, again.Batch!.Id);
        var batch = Assert.Single(await store.Spend.ListBatchesAsync(Devon, Ct));
        var lines = await store.Spend.QueryTransactionsAsync(new TransactionQuery(Devon, PageSize: 1), Ct);
        Assert.Equal(batch.RowsLoaded, lines.TotalCount);
    }

    [Fact]
    public async Task ImportStreamingAsync_FileWithABadAmount_IsRejectedNamingRowAndColumnAndStoresNothing()
    {
        var path = _folder.File("bad.csv");
        await File.WriteAllTextAsync(path, "Date,Supplier,Amount,Expense Area\n01/04/2025,Acme Ltd,100.00,Highways\n02/04/2025,Acme Ltd,twelve,Highways\n03/04/2025,Bee Ltd,5.00,Libraries\n", Ct);
        await using var store = await PlaceStore.OpenDuckDbAsync(_folder.File("store.duckdb"), Ct);
        var opened = new List<CountingStream>();

        var outcome = await ImportAsync(store, path, opened);

        Assert.Single(opened);
        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(3, error.Row);
        Assert.Equal("twelve", error.Value);
        Assert.Empty(await store.Spend.ListBatchesAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task ImportStreamingAsync_BadAmountWithAllowPartial_KeepsTheRejectInTheBatch()
    {
        var path = _folder.File("partial.csv");
        await File.WriteAllTextAsync(path, "Date,Supplier,Amount,Expense Area\n01/04/2025,Acme Ltd,100.00,Highways\n02/04/2025,Acme Ltd,twelve,Highways\n03/04/2025,Bee Ltd,5.00,Libraries\n", Ct);
        await using var store = await PlaceStore.OpenDuckDbAsync(_folder.File("store.duckdb"), Ct);

        var outcome = await ImportAsync(store, path, [], allowPartial: true);

        Assert.Equal(ImportStatus.Imported, outcome.Status);
        var batch = Assert.Single(await store.Spend.ListBatchesAsync(Devon, Ct));
        Assert.Equal(3, batch.RowsRead);
        Assert.Equal(2, batch.RowsLoaded);
        Assert.Equal(105.00m, batch.Total);
        Assert.Equal(3, Assert.Single(batch.Rejects).Row);
    }

    public void Dispose() => _folder.Dispose();

    // The source counts what is read, so the test sees the file is read once, front to back.
    private static Task<ImportOutcome> ImportAsync(IPlaceStore store, string path, List<CountingStream> opened, bool allowPartial = false)
    {
        var source = new SpendFileSource(
            Path.GetFileName(path),
            new FileInfo(path).Length,
            _ =>
            {
                var stream = new CountingStream(File.OpenRead(path));
                opened.Add(stream);
                return Task.FromResult<Stream>(stream);
            });
        var options = SpendReadOptions.Default with { AllowPartial = allowPartial };
        return new ImportSpendFile(store, TimeProvider.System).CommitAsync(
            new ImportSpendFileRequest(Devon, Council, null, source, options),
            cancellationToken: Ct);
    }

    /// <summary>Counts the bytes read through it and any seek, to show a file was read once, front to back.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public int Seeks { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set
            {
                Seeks++;
                inner.Position = value;
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin)
        {
            Seeks++;
            return inner.Seek(offset, origin);
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            BytesRead += read;
            return read;
        }
    }
}
