using TotalPlace.Application.Spend;
using TotalPlace.Import;
using TotalPlace.Storage.Audit;
using TotalPlace.Testing;

namespace TotalPlace.Application.Tests.Spend;

/// <summary>A mapping a person confirmed is remembered per publisher and header, and read back for that publisher's
/// next file with the same header; a mapping given with the request always wins.</summary>
[Trait("Issue", "11")]
public sealed class RememberedMappingTests(DuckDbFileFixture fixture) : IClassFixture<DuckDbFileFixture>
{
    private const string Place = "E07000120";
    private const string Publisher = "Hyndburn Widgets Authority";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ColumnMapping Confirmed { get; } = new ColumnMapping { HeaderRow = UnusualLayoutFile.HeaderLine }
        .With(ColumnRole.Amount, MappedColumn.ByNumber(UnusualLayoutFile.AmountColumn));

    [Fact]
    public async Task Preview_UnusualLayoutWithoutMapping_IsRefusedAtFileLevel()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);

        var preview = await importer.PreviewAsync(Request("first.csv", UnusualLayoutFile.Bytes(1, 40), null), Ct);

        Assert.True(preview.IsRejected);
        Assert.Contains(preview.Errors, e => e.Row == 0 || e.Column.Length > 0);
        Assert.Null(preview.Remembered);
    }

    [Fact]
    public async Task Commit_ConfirmedMapping_NextFileFromThePublisherIsReadWithItAndItsTotalIsExact()
    {
        // Given a first file committed with the columns a person picked
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);
        var first = UnusualLayoutFile.Text(1, 40);
        var firstOutcome = await importer.CommitAsync(Request("first.csv", System.Text.Encoding.UTF8.GetBytes(first), Confirmed) with { RememberMapping = true }, cancellationToken: Ct);
        Assert.True(firstOutcome.Status == ImportStatus.Imported, string.Join("; ", firstOutcome.Errors.Select(e => $"{e.Row} {e.Column} {e.Value}: {e.Message}")));
        Assert.Equal(UnusualLayoutFile.IndependentTotal(first), firstOutcome.Batch!.Total);

        // When the next file (same header, other lines, the header one row lower) comes without a mapping
        var second = "An extra banner line,,,,\n" + UnusualLayoutFile.Text(2, 55);
        var request = Request("second.csv", System.Text.Encoding.UTF8.GetBytes(second), null);
        var preview = await importer.PreviewAsync(request, Ct);
        var outcome = await importer.CommitAsync(request, cancellationToken: Ct);

        // Then it is read with the remembered mapping, found on its own header row, and says so
        Assert.NotNull(preview.Remembered);
        Assert.Equal("first.csv", preview.Remembered.FileName);
        Assert.StartsWith("mapping remembered from first.csv", preview.Notes[0], StringComparison.Ordinal);
        Assert.True(preview.IsValid, string.Join("; ", preview.Errors.Select(e => e.Message)));
        Assert.Equal(UnusualLayoutFile.HeaderLine + 1, preview.Read.HeaderRow);
        Assert.Equal(UnusualLayoutFile.IndependentTotal(second), preview.AcceptedTotal);
        Assert.Equal(ImportStatus.Imported, outcome.Status);
        Assert.Equal(UnusualLayoutFile.IndependentTotal(second), outcome.Batch!.Total);
        Assert.Equal(UnusualLayoutFile.IndependentCount(second), outcome.Batch.RowsLoaded);
        Assert.Equal("first.csv", outcome.Remembered?.FileName);
    }

    [Fact]
    public async Task Commit_ConfirmedMapping_IsOnTheAuditTrailAndKeptOncePerHeader()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);

        await importer.CommitAsync(Request("first.csv", UnusualLayoutFile.Bytes(1, 10), Confirmed) with { RememberMapping = true }, cancellationToken: Ct);
        await importer.CommitAsync(Request("third.csv", UnusualLayoutFile.Bytes(3, 10), Confirmed) with { RememberMapping = true }, cancellationToken: Ct);

        var kept = Assert.Single(await store.Mappings.ListMappingsAsync(Place, Ct));
        Assert.Equal("third.csv", kept.FileName);
        Assert.Equal(HeaderSignature.Of(UnusualLayoutFile.Header), kept.HeaderSignature);
        var audit = await store.Audit.QueryAuditAsync(new AuditQuery(PlaceCode: Place, Action: AuditActions.MappingRemembered), Ct);
        Assert.Equal(2, audit.TotalCount);
    }

    [Fact]
    public async Task Preview_AnotherPublisherWithTheSameHeader_DoesNotGetTheMapping()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);
        await importer.CommitAsync(Request("first.csv", UnusualLayoutFile.Bytes(1, 10), Confirmed) with { RememberMapping = true }, cancellationToken: Ct);

        var preview = await importer.PreviewAsync(Request("other.csv", UnusualLayoutFile.Bytes(4, 10), null) with { Agency = "Another Authority" }, Ct);

        Assert.Null(preview.Remembered);
        Assert.True(preview.IsRejected);
    }

    [Fact]
    public async Task Preview_MappingGivenWithTheRequest_WinsOverTheRemembered()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportSpendFile(store, TimeProvider.System);
        await importer.CommitAsync(Request("first.csv", UnusualLayoutFile.Bytes(1, 10), Confirmed) with { RememberMapping = true }, cancellationToken: Ct);
        // A mapping that takes the voucher column as the amount: every line is refused, which shows it was used.
        var given = new ColumnMapping { HeaderRow = UnusualLayoutFile.HeaderLine }.With(ColumnRole.Amount, MappedColumn.ByNumber(5));

        var preview = await importer.PreviewAsync(Request("again.csv", UnusualLayoutFile.Bytes(5, 10), given), Ct);

        Assert.Null(preview.Remembered);
        Assert.Empty(preview.Accepted);
    }

    private static ImportSpendFileRequest Request(string name, byte[] content, ColumnMapping? mapping) =>
        new(Place, Publisher, Core.Places.AgencyKind.Other, SpendFileSource.FromBytes(name, content), SpendReadOptions.Default with { Mapping = mapping }, "analyst");
}
