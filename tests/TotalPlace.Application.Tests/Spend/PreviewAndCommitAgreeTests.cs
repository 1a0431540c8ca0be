using TotalPlace.Application.Spend;
using TotalPlace.Import;
using TotalPlace.Storage;
using TotalPlace.Testing;

namespace TotalPlace.Application.Tests.Spend;

/// <summary>What the web review (the preview) shows is what the commit does, on every real published file we hold:
/// the same rows accepted and refused, the same total, and a refused file stores nothing.</summary>
[Trait("Issue", "10")]
public sealed class PreviewAndCommitAgreeTests(DuckDbFileFixture fixture) : IClassFixture<DuckDbFileFixture>
{
    private const string Place = "E07000120";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, bool> Files()
    {
        var data = new TheoryData<string, bool>();
        foreach (var file in RealFiles())
        {
            data.Add(file, false);
            data.Add(file, true);
        }

        return data;
    }

    private static IEnumerable<string> RealFiles() =>
        Directory.EnumerateFiles(SharedData.PathOf(Path.Combine("spend-samples")), "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(SharedData.PathOf(Path.Combine("places", "hyndburn-2023-24", "hyndburn-borough-council")), "*.csv"))
            .Concat(Directory.EnumerateFiles(SharedData.PathOf(Path.Combine("places", "hyndburn-2023-24")), "*.xlsx", SearchOption.AllDirectories)
                .Where(f => f.Contains("lancashire-", StringComparison.Ordinal)))
            .Where(f => !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetRelativePath(SharedData.Folder, f))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Files_CoverTheSamplesAndTheHyndburnTransactionFiles()
    {
        var files = RealFiles().ToList();

        Assert.Equal(4, files.Count(f => f.StartsWith("spend-samples", StringComparison.Ordinal)));
        Assert.Equal(12, files.Count(f => f.Contains("hyndburn-borough-council", StringComparison.Ordinal)));
        Assert.Equal(2, files.Count(f => f.EndsWith(".xlsx", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task PreviewThenCommit_RealFile_AcceptRefuseAndTotalAgree(string file, bool allowPartial)
    {
        // Given
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);
        var request = new ImportSpendFileRequest(
            Place,
            Path.GetFileName(Path.GetDirectoryName(file))!,
            null,
            SpendFileSource.FromPath(SharedData.PathOf(Path.Combine(file))),
            SpendReadOptions.Default with { AllowPartial = allowPartial },
            "test");

        // When
        var preview = await importer.PreviewAsync(request, Ct);
        var outcome = await importer.CommitAsync(request, cancellationToken: Ct);

        // Then
        var batches = await store.Spend.ListBatchesAsync(Place, Ct);
        if (preview.IsRejected)
        {
            Assert.Equal(ImportStatus.Rejected, outcome.Status);
            Assert.Empty(batches);
            Assert.Equal(preview.ErrorCount, outcome.ErrorCount);
            return;
        }

        Assert.Equal(ImportStatus.Imported, outcome.Status);
        var batch = Assert.Single(batches);
        Assert.Equal(preview.Accepted.Count, batch.RowsLoaded);
        Assert.Equal(preview.AcceptedTotal, batch.Total);
        // The lines as stored, summed by the store, not the batch header (which counts the lines read).
        var stored = await store.Spend.MapAsync(new MapQuery(Place, [], Source: MapSource.Transactions), Ct);
        Assert.Equal((preview.Accepted.Count, preview.AcceptedTotal), ((int)stored.Lines, stored.Total));
        Assert.Equal(preview.Accepted.Sum(l => l.Amount), stored.Total);
        Assert.Equal(preview.RowsRead, batch.RowsRead);
        Assert.Equal(preview.Sha256, batch.Sha256);
        Assert.Equal(preview.ErrorCount, outcome.ErrorCount);
        int[] expectedRejects = allowPartial ? [.. preview.Errors.Select(e => e.Row).Order()] : [];
        Assert.Equal(expectedRejects, batch.Rejects.Select(r => r.Row).Order());
    }

    [Fact]
    public async Task FloatResidue_IsSnappedToThePennyAndSaid_InPreviewAndCommitAlike()
    {
        // Given: the shape of the Devon file whose review said "no problems" and whose commit then failed.
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);
        var csv = "Date,Supplier,Amount,Expense Area\n01/04/2025,Acme Ltd,14685.510000000002,Highways\n02/04/2025,Bee Ltd,5.00,Libraries\n"u8.ToArray();
        var request = new ImportSpendFileRequest(Place, "Council", null, SpendFileSource.FromBytes("residue.csv", csv), SpendReadOptions.Default);

        // When
        var preview = await importer.PreviewAsync(request, Ct);
        var outcome = await importer.CommitAsync(request, cancellationToken: Ct);

        // Then: 14685.51 + 5.00, the rounding named in the notes of both.
        Assert.Empty(preview.Errors);
        Assert.Equal(14690.51m, preview.Accepted.Sum(t => t.Amount));
        Assert.Contains(preview.Notes, n => n.Contains("14685.510000000002", StringComparison.Ordinal) && n.Contains("14685.51", StringComparison.Ordinal));
        Assert.Equal(ImportStatus.Imported, outcome.Status);
        Assert.Equal((2, 14690.51m), (outcome.Batch!.RowsLoaded, outcome.Batch.Total));
        Assert.Equal(preview.Notes, outcome.Notes);
    }

    [Fact]
    public async Task AmountBeyondAHundredthOfAPenny_IsARejectNamingRowAndColumn_InPreviewAndCommitAlike()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);
        var csv = "Date,Supplier,Amount,Expense Area\n01/04/2025,Acme Ltd,12.345678,Highways\n02/04/2025,Bee Ltd,5.00,Libraries\n"u8.ToArray();
        var request = new ImportSpendFileRequest(Place, "Council", null, SpendFileSource.FromBytes("places.csv", csv), SpendReadOptions.Default);

        var preview = await importer.PreviewAsync(request, Ct);
        var outcome = await importer.CommitAsync(request, cancellationToken: Ct);

        var error = Assert.Single(preview.Errors);
        Assert.Equal((2, "amount"), (error.Row, error.Column.ToLowerInvariant()));
        Assert.True(preview.IsRejected);
        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        Assert.Empty(await store.Spend.ListBatchesAsync(Place, Ct));

        var partial = await importer.CommitAsync(request with { Options = SpendReadOptions.Default with { AllowPartial = true } }, cancellationToken: Ct);
        Assert.Equal(ImportStatus.Imported, partial.Status);
        Assert.Equal((1, 5.00m), (partial.Batch!.RowsLoaded, partial.Batch.Total));
        Assert.Equal(2, Assert.Single(partial.Batch.Rejects).Row);
    }

    [Fact]
    public async Task Commit_SameFileTwice_SecondAddsNothing()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);
        var request = new ImportSpendFileRequest(
            Place, "Devon", null, SpendFileSource.FromPath(SharedData.PathOf(Path.Combine("spend-samples", "devon-county-council", "DCCSpendingOver500_202504.csv"))), SpendReadOptions.Default);

        var first = await importer.CommitAsync(request, cancellationToken: Ct);
        var again = await importer.CommitAsync(request, cancellationToken: Ct);

        Assert.Equal(ImportStatus.AlreadyImported, again.Status);
        Assert.Equal(first.Batch!.Id, again.Batch!.Id);
        Assert.Single(await store.Spend.ListBatchesAsync(Place, Ct));
    }
}
