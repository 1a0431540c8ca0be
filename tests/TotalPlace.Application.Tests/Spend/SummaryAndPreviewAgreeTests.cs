using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Xunit;
using TotalPlace.Application.Spend;
using TotalPlace.Import;
using TotalPlace.Testing;

namespace TotalPlace.Application.Tests.Spend;

/// <summary>The web review's background preview keeps only a summary of an upload (issue 15: memory stays flat
/// whatever the file's size); it must say exactly what the full preview says: the same rows read, accepted and
/// refused, the same total to the penny, the same problems, and its first lines the preview's first lines. Checked on
/// every real published file we hold, and on generated files cut at any byte with amounts the store refuses.</summary>
[Trait("Issue", "15")]
public sealed class SummaryAndPreviewAgreeTests(DuckDbFileFixture fixture) : IClassFixture<DuckDbFileFixture>
{
    private const string Place = "E07000120";
    private const int Kept = 20;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(PreviewAndCommitAgreeTests.Files), MemberType = typeof(PreviewAndCommitAgreeTests))]
    public async Task Summarise_RealFile_AgreesWithThePreview(string file, bool allowPartial)
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var request = new ImportSpendFileRequest(
            Place,
            Path.GetFileName(Path.GetDirectoryName(file))!,
            null,
            SpendFileSource.FromPath(SharedData.PathOf(file)),
            SpendReadOptions.Default with { AllowPartial = allowPartial },
            "test");

        await AssertAgreeAsync(new ImportSpendFile(store, TimeProvider.System), request);
    }

    [Property(MaxTest = 60)]
    public async Task Summarise_GeneratedFileCutAnywhere_AgreesWithThePreview(NonNegativeInt seed, PositiveInt lines, NonNegativeInt cut)
    {
        var random = new Random(seed.Get);
        var text = new StringBuilder("Body Name,Date,Supplier,Amount,Expense Type\r\n");
        for (var i = 0; i < lines.Get % 60; i++)
        {
            var amount = random.Next(8) switch
            {
                0 => "123456789012345.67", // beyond DECIMAL(18,4): the store refuses it
                1 => "not money",
                2 => "-" + random.Next(1, 100_000).ToString(CultureInfo.InvariantCulture) + ".5",
                _ => (random.Next(1, 10_000_000) / 100m).ToString(CultureInfo.InvariantCulture),
            };
            text.Append(CultureInfo.InvariantCulture, $"Hyndburn BC,{random.Next(1, 28):00}/0{random.Next(1, 9)}/2023,\"Supplier {random.Next(20)}, Ltd\",{amount},Grants\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var content = cut.Get % 3 == 0 ? bytes : bytes[..(cut.Get % (bytes.Length + 1))];
        await using var store = await fixture.CreateStoreAsync(Ct);
        var request = new ImportSpendFileRequest(Place, "Hyndburn BC", null, SpendFileSource.FromBytes("cut.csv", content), SpendReadOptions.Default with { AllowPartial = random.Next(2) == 0 }, "test");

        await AssertAgreeAsync(new ImportSpendFile(store, TimeProvider.System), request);
    }

    private static async Task AssertAgreeAsync(ImportSpendFile importer, ImportSpendFileRequest request)
    {
        var preview = await importer.PreviewAsync(request, Ct);
        var summary = await importer.SummariseAsync(request, Kept, null, Ct);

        Assert.Equal(preview.RowsRead, summary.RowsRead);
        Assert.Equal(preview.Accepted.Count, summary.AcceptedCount);
        Assert.Equal(preview.Accepted.Sum(t => t.Amount), summary.AcceptedTotal);
        Assert.Equal(preview.RowsRejected, summary.RowsRejected);
        Assert.Equal(preview.RowsSkipped, summary.RowsSkipped);
        Assert.Equal(preview.ErrorCount, summary.ErrorCount);
        Assert.Equal(preview.Errors, summary.Errors);
        Assert.Equal(preview.Notes, summary.Notes);
        Assert.Equal(preview.Sha256, summary.Sha256);
        Assert.Equal(preview.IsRejected, summary.IsRejected);
        Assert.Equal(preview.Read.HeaderRow, summary.Read.HeaderRow);
        Assert.Equal(preview.Accepted.Take(Kept), summary.FirstLines);
        Assert.Empty(summary.Read.Transactions);
    }
}
