using System.Text;
using TotalPlace.Application.Spend;
using TotalPlace.Core.Places;
using TotalPlace.Import;
using TotalPlace.Storage.Identity;
using TotalPlace.Testing;

namespace TotalPlace.Application.Tests.Spend;

/// <summary>Issue 15, the integrity items left: identical nil returns from two partners, a refused import that must
/// change nothing (no new place, no new agency), and the error count of a partial load refused whole.</summary>
[Trait("Issue", "15")]
public sealed class ImportIntegrityTests(DuckDbFileFixture fixture) : IClassFixture<DuckDbFileFixture>
{
    private const string Place = "E10000008";

    private static readonly byte[] s_nil = Encoding.UTF8.GetBytes("Date,Supplier,Amount\r\n");

    private static readonly byte[] s_lines = Encoding.UTF8.GetBytes("Date,Supplier,Amount\r\n03/05/2024,Acme,1000.00\r\n");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ImportSpendFileRequest Request(string agency, byte[] bytes, AgencyKind? kind = null, SpendReadOptions? options = null, string file = "return-2024-05.csv") =>
        new(Place, agency, kind, SpendFileSource.FromBytes(file, bytes), options ?? SpendReadOptions.Default, "test", Visibility.All);

    [Fact]
    public async Task Commit_IdenticalNilReturnsFromTwoAgencies_AreEachStored()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);

        var police = await importer.CommitAsync(Request("Police", s_nil), cancellationToken: Ct);
        var fire = await importer.CommitAsync(Request("Fire", s_nil), cancellationToken: Ct);
        var fireAgain = await importer.CommitAsync(Request("fire ", s_nil), cancellationToken: Ct);

        Assert.Equal((ImportStatus.Imported, true), (police.Status, police.IsNilReturn));
        Assert.Equal((ImportStatus.Imported, true), (fire.Status, fire.IsNilReturn));
        Assert.Equal(ImportStatus.AlreadyImported, fireAgain.Status);
        Assert.Equal(fire.Batch!.Id, fireAgain.Batch!.Id);
        var batches = await store.Spend.ListBatchesAsync(Place, Ct);
        Assert.Equal(["Fire", "Police"], batches.Select(b => b.Agency).Order(StringComparer.Ordinal));
        Assert.All(batches, b => Assert.Equal(police.Batch!.Sha256, b.Sha256));
    }

    [Fact]
    public async Task Commit_SameLinesAfterTwoNilReturns_IsStillRefusedForAThirdAgency()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);
        await importer.CommitAsync(Request("Police", s_lines), cancellationToken: Ct);

        var fire = await importer.CommitAsync(Request("Fire", s_lines), cancellationToken: Ct);

        Assert.Equal(ImportStatus.Rejected, fire.Status);
        Assert.Contains("already stored for Police", Assert.Single(fire.Errors).Message, StringComparison.Ordinal);
        Assert.Single(await store.Spend.ListBatchesAsync(Place, Ct));
    }

    [Fact]
    public async Task Commit_RefusedFileForANewAgencyInANewPlace_LeavesNeitherBehind()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);
        var bad = Encoding.UTF8.GetBytes("Date,Supplier,Amount\r\n03/05/2024,Acme,1000.00\r\n31/12/9999,Beta,5.00\r\n");

        var outcome = await importer.CommitAsync(Request("Fire", bad, AgencyKind.FireAndRescue), cancellationToken: Ct);

        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        Assert.Empty(await store.Places.ListPlacesAsync(Ct));
        Assert.Empty(await store.Spend.ListBatchesAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Commit_RefusedFileForANewAgencyInAnExistingPlace_LeavesTheAgencyListAsItWas()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);
        await importer.CommitAsync(Request("Police", s_lines, AgencyKind.Police), cancellationToken: Ct);
        var before = await store.Places.ListAgenciesAsync(Place, Ct);

        var sameBytes = await importer.CommitAsync(Request("Fire", s_lines, AgencyKind.FireAndRescue), cancellationToken: Ct);
        var badDate = await importer.CommitAsync(Request("Ambulance", Encoding.UTF8.GetBytes("Date,Supplier,Amount\r\n01/01/0001,Acme,5.00\r\n"), AgencyKind.Nhs), cancellationToken: Ct);

        Assert.Equal(ImportStatus.Rejected, sameBytes.Status);
        Assert.Equal(ImportStatus.Rejected, badDate.Status);
        Assert.Equal(before, await store.Places.ListAgenciesAsync(Place, Ct));
        Assert.Equal([new Agency("Police", AgencyKind.Police, Agency.DefaultFundingSource(AgencyKind.Police))], before);
    }

    [Fact]
    public async Task Commit_StoredFileWithAKind_CreatesTheAgencyWithThatKind()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);

        var outcome = await importer.CommitAsync(Request("Fire", s_lines, AgencyKind.FireAndRescue), cancellationToken: Ct);

        Assert.Equal(ImportStatus.Imported, outcome.Status);
        var agency = Assert.Single(await store.Places.ListAgenciesAsync(Place, Ct));
        Assert.Equal((AgencyKind.FireAndRescue, Agency.DefaultFundingSource(AgencyKind.FireAndRescue)), (agency.Kind, agency.FundingSource));
    }

    [Fact]
    public async Task Preview_SameFileForAnotherAgency_SaysTheCommitsRefusalUnderTheSameVisibilityRule()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);
        var police = await importer.CommitAsync(Request("Police", s_lines), cancellationToken: Ct);
        var analyst = Visibility.PublishedOrAgency(Place, "Fire");

        var hidden = await importer.PreviewAsync(Request("Fire", s_lines) with { Viewer = analyst }, Ct);
        var hiddenCommit = await importer.CommitAsync(Request("Fire", s_lines) with { Viewer = analyst }, cancellationToken: Ct);
        var named = await importer.PreviewAsync(Request("Fire", s_lines), Ct);
        var namedCommit = await importer.CommitAsync(Request("Fire", s_lines), cancellationToken: Ct);

        Assert.True(hidden.IsRejected);
        var hiddenError = Assert.Single(hidden.Errors);
        Assert.Equal(Assert.Single(hiddenCommit.Errors).Message, hiddenError.Message);
        Assert.Equal(0, hiddenError.Row);
        Assert.DoesNotContain("Police", hiddenError.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(police.Batch!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), hiddenError.Message, StringComparison.Ordinal);
        Assert.True(named.IsRejected);
        Assert.Equal(Assert.Single(namedCommit.Errors).Message, Assert.Single(named.Errors).Message);
        Assert.Contains($"already stored for Police as batch {police.Batch.Id}", named.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_SameFileForTheSameAgency_NotesNothingWillBeAdded_AndANilReturnForAnotherAgencyPasses()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);
        var police = await importer.CommitAsync(Request("Police", s_lines), cancellationToken: Ct);
        await importer.CommitAsync(Request("Police", s_nil), cancellationToken: Ct);

        var again = await importer.PreviewAsync(Request("Police", s_lines), Ct);
        var nilForFire = await importer.PreviewAsync(Request("Fire", s_nil), Ct);

        Assert.True(again.IsValid);
        Assert.Contains($"already imported as batch {police.Batch!.Id} (return-2024-05.csv): committing adds nothing", again.Notes);
        Assert.True(nilForFire.IsValid);
        Assert.DoesNotContain(nilForFire.Notes, n => n.StartsWith("already imported", StringComparison.Ordinal));
    }

    /// <summary>The web review reads an upload into a summary in a background job, not a preview: it warns of the
    /// same-file rule in the same words as the preview and the commit.</summary>
    [Fact]
    public async Task Summary_SameFile_SaysWhatThePreviewSays_ForAnotherAgencyTheSameAgencyAndANilReturn()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);
        var police = await importer.CommitAsync(Request("Police", s_lines), cancellationToken: Ct);
        await importer.CommitAsync(Request("Police", s_nil), cancellationToken: Ct);
        var analyst = Visibility.PublishedOrAgency(Place, "Fire");

        var hidden = await importer.SummariseAsync(Request("Fire", s_lines) with { Viewer = analyst }, 20, cancellationToken: Ct);
        var hiddenPreview = await importer.PreviewAsync(Request("Fire", s_lines) with { Viewer = analyst }, Ct);
        var again = await importer.SummariseAsync(Request("Police", s_lines), 20, cancellationToken: Ct);
        var nilForFire = await importer.SummariseAsync(Request("Fire", s_nil), 20, cancellationToken: Ct);

        Assert.True(hidden.IsRejected);
        Assert.Equal(Assert.Single(hiddenPreview.Errors).Message, Assert.Single(hidden.Errors).Message);
        Assert.DoesNotContain(police.Batch!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), hidden.Errors[0].Message, StringComparison.Ordinal);
        Assert.True(again.IsValid);
        Assert.Contains($"already imported as batch {police.Batch.Id} (return-2024-05.csv): committing adds nothing", again.Notes);
        Assert.True(nilForFire.IsValid);
        Assert.DoesNotContain(nilForFire.Notes, n => n.StartsWith("already imported", StringComparison.Ordinal));
    }

    /// <summary>1,000 reader errors (the list's limit) and every accepted line over the store's limit, partial loading
    /// asked for: nothing is kept, so the file is refused whole; each error is counted once.</summary>
    [Fact]
    public async Task Commit_PartialWithAThousandReaderErrorsAndEveryLineOverTheLimit_CountsEachErrorOnce()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);
        var text = new StringBuilder("Date,Supplier,Amount\r\n");
        for (var i = 0; i < 1000; i++)
        {
            text.Append("01/01/0001,Acme,1.00\r\n");
        }

        for (var i = 0; i < 3; i++)
        {
            text.Append("03/05/2024,Beta,99999999999999999999.00\r\n");
        }

        var request = Request("Police", Encoding.UTF8.GetBytes(text.ToString()), options: SpendReadOptions.Default with { AllowPartial = true });

        var preview = await importer.PreviewAsync(request, Ct);
        var outcome = await importer.CommitAsync(request, cancellationToken: Ct);

        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        Assert.Equal(1003, preview.ErrorCount);
        Assert.Equal(1003, outcome.ErrorCount);
        Assert.Equal(1000, outcome.Errors.Count);
        Assert.Empty(await store.Spend.ListBatchesAsync(cancellationToken: Ct));
    }
}
