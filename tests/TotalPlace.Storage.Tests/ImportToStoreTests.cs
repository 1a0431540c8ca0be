using TotalPlace.Demo;
using TotalPlace.Import;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests;

/// <summary>The importer's streaming reader feeding the store's bulk commit, end to end on real files in a temp
/// folder: a good file loads to the penny, a bad one leaves nothing behind.</summary>
public sealed class ImportToStoreTests(DuckDbFileFixture fixture) : IClassFixture<DuckDbFileFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GeneratedTransparencyFile_ImportedByTheReader_LoadsToThePenny()
    {
        var path = Path.Combine(fixture.Folder, "generated-20000.csv");
        var written = TransparencyCsvWriter.WriteFile(path, 20_000, seed: 11, cancellationToken: Ct);
        await using var store = await fixture.CreateStoreAsync(Ct);

        using (var file = SpendFileReader.Open(path))
        {
            var header = Headers.For("E08000003", "Manchester City Council", "generated") with { FileName = "generated-20000.csv", Sha256 = SpendFileReader.ComputeSha256(path) };
            var result = await store.Spend.CommitTransactionsAsync(header, file.Transactions, Ct);
            Assert.Equal(written.Lines, result.Batch.RowsLoaded);
            Assert.Equal(written.Total, result.Batch.Total);
        }

        var map = await store.Spend.MapAsync(new MapQuery("E08000003", [MapDimension.Theme], Source: MapSource.Transactions), Ct);
        Assert.Equal(written.Total, map.Total);
        Assert.Equal(written.Lines, map.Lines);
    }

    [Fact]
    public async Task FileWithABadRow_ImportedByTheReader_IsRejectedWholeAndTheStoreIsUnchanged()
    {
        var path = Path.Combine(fixture.Folder, "bad.csv");
        var text = new StringWriter();
        TransparencyCsvWriter.Write(text, 500, cancellationToken: Ct);
        var lines = text.ToString().Split("\r\n").ToList();
        var cells = lines[300].Split(',');
        cells[4] = "twelve pounds";
        lines[300] = string.Join(',', cells);
        await File.WriteAllTextAsync(path, string.Join("\r\n", lines), Ct);
        await using var store = await fixture.CreateStoreAsync(Ct);
        await store.Spend.CommitTransactionsAsync(Headers.For("E08000003", "Manchester City Council", "earlier"), [new TransactionBuilder().Paying(10m).Build()], Ct);

        using (var file = SpendFileReader.Open(path))
        {
            var header = Headers.For("E08000003", "Manchester City Council", "bad") with { FileName = "bad.csv" };
            var error = await Assert.ThrowsAsync<ImportRejectedException>(() => store.Spend.CommitTransactionsAsync(header, file.Transactions, Ct));
            Assert.Contains("bad.csv", error.Message, StringComparison.Ordinal);
        }

        Assert.Single(await store.Spend.ListBatchesAsync(cancellationToken: Ct));
        Assert.Equal(10m, (await store.Spend.MapAsync(new MapQuery("E08000003", [], Source: MapSource.Transactions), Ct)).Total);
    }
}
