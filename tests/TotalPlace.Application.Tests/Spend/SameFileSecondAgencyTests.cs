using System.Text;
using TotalPlace.Application.Spend;
using TotalPlace.Import;
using TotalPlace.Storage.Identity;
using TotalPlace.Testing;

namespace TotalPlace.Application.Tests.Spend;

/// <summary>Issue 15 item 8: the same bytes for a second agency are refused, never "already imported" with the other
/// agency's batch, and the other agency's batch is named only to a caller who may see it. Nil returns and a cut last
/// line behave alike in preview and commit.</summary>
[Trait("Issue", "15")]
public sealed class SameFileSecondAgencyTests(DuckDbFileFixture fixture) : IClassFixture<DuckDbFileFixture>
{
    private const string Place = "E10000008";

    private static readonly byte[] s_file = Encoding.UTF8.GetBytes("Date,Supplier,Amount\r\n03/05/2024,Acme,1000.00\r\n04/05/2024,Beta,234.56\r\n");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ImportSpendFileRequest Request(string agency, byte[] bytes, Visibility? viewer = null, SpendReadOptions? options = null) =>
        new(Place, agency, null, SpendFileSource.FromBytes("police-2024-05.csv", bytes), options ?? SpendReadOptions.Default, "test", viewer);

    [Fact]
    public async Task Commit_SameFileForTheSameAgency_IsAlreadyImported()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);

        var first = await importer.CommitAsync(Request("Police", s_file), cancellationToken: Ct);
        var again = await importer.CommitAsync(Request("police ", s_file), cancellationToken: Ct);

        Assert.Equal(ImportStatus.Imported, first.Status);
        Assert.Equal(ImportStatus.AlreadyImported, again.Status);
        Assert.Equal(first.Batch!.Id, again.Batch!.Id);
    }

    [Fact]
    public async Task Commit_SameFileForAnotherAgencyByAnAnalystWhoCannotSeeIt_IsRefusedWithoutNamingTheBatch()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);
        var police = await importer.CommitAsync(Request("Police", s_file), cancellationToken: Ct);

        var fire = await importer.CommitAsync(Request("Fire", s_file, Visibility.PublishedOrAgency(Place, "Fire")), cancellationToken: Ct);

        Assert.Equal(ImportStatus.Rejected, fire.Status);
        Assert.Null(fire.Batch);
        var error = Assert.Single(fire.Errors);
        Assert.Contains("another agency", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Police", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(police.Batch!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        var batches = await store.Spend.ListBatchesAsync(Place, Ct);
        Assert.Equal([police.Batch.Id], batches.Select(b => b.Id));
    }

    [Fact]
    public async Task Commit_SameFileForAnotherAgencyByAnAdministrator_IsRefusedNamingTheOtherAgency()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);
        var police = await importer.CommitAsync(Request("Police", s_file), cancellationToken: Ct);

        var fire = await importer.CommitAsync(Request("Fire", s_file, Visibility.All), cancellationToken: Ct);

        Assert.Equal(ImportStatus.Rejected, fire.Status);
        var error = Assert.Single(fire.Errors);
        Assert.Contains($"already stored for Police as batch {police.Batch!.Id}", error.Message, StringComparison.Ordinal);
        Assert.Single(await store.Spend.ListBatchesAsync(Place, Ct));
    }

    [Fact]
    public async Task PreviewAndCommit_HeaderOnly_AreANilReturn()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);
        var request = Request("Police", Encoding.UTF8.GetBytes("Date,Supplier,Amount\r\n"));

        var preview = await importer.PreviewAsync(request, Ct);
        var outcome = await importer.CommitAsync(request, cancellationToken: Ct);

        Assert.True(preview.IsValid);
        Assert.Contains(preview.Notes, n => n.StartsWith("nil return", StringComparison.Ordinal));
        Assert.True(outcome.IsNilReturn);
        Assert.Equal(0, outcome.Batch!.RowsLoaded);
    }

    [Theory]
    [InlineData("01/01/0001")]
    [InlineData("01/01/1899")]
    [InlineData("31/12/9999")]
    public async Task PreviewAndCommit_ImplausibleDate_AgreeOnTheRowAndColumn(string date)
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);
        var request = Request("Police", Encoding.UTF8.GetBytes($"Date,Supplier,Amount\r\n03/05/2024,Acme,10.00\r\n{date},Beta,20.00\r\n"));

        var preview = await importer.PreviewAsync(request, Ct);
        var outcome = await importer.CommitAsync(request, cancellationToken: Ct);

        Assert.True(preview.IsRejected);
        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        Assert.Equal(preview.Errors, outcome.Errors);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal((3, "Date", date), (error.Row, error.Column, error.Value));
        Assert.Empty(await store.Spend.ListBatchesAsync(Place, Ct));
    }

    [Fact]
    public async Task PreviewAndCommit_CutLastLine_RefusedUnlessAccepted()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);
        var bytes = Encoding.UTF8.GetBytes("Date,Supplier,Amount,Reference\r\n03/05/2024,Acme,10.00,R1\r\n04/05/2024,Beta,506");

        var preview = await importer.PreviewAsync(Request("Police", bytes, options: SpendReadOptions.Default with { AllowPartial = true }), Ct);
        var refused = await importer.CommitAsync(Request("Police", bytes, options: SpendReadOptions.Default with { AllowPartial = true }), cancellationToken: Ct);
        var accepted = await importer.CommitAsync(Request("Police", bytes, options: SpendReadOptions.Default with { AcceptTruncatedLastLine = true }), cancellationToken: Ct);

        Assert.True(preview.IsRejected);
        Assert.Equal(ImportStatus.Rejected, refused.Status);
        Assert.True(Assert.Single(refused.Errors).IsTruncatedLastLine);
        Assert.Equal(ImportStatus.Imported, accepted.Status);
        Assert.Equal(516m, accepted.Batch!.Total);
    }
}
