using TotalPlace.Core;
using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests;

/// <summary>The behaviour every <see cref="IPlaceStore"/> engine must have, after Npgsql.Specification.Tests: one
/// abstract suite, one subclass per engine. An engine that must differ overrides a test and says why.</summary>
public abstract class PlaceStoreContract<TFixture>(TFixture fixture)
    where TFixture : class, IPlaceStoreFixture
{
    protected const string Manchester = "E08000003";
    protected const string Council = "Manchester City Council";

    protected TFixture Fixture { get; } = fixture;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static IEnumerable<Transaction> Lines(params decimal[] amounts) =>
        amounts.Select((a, i) => new TransactionBuilder().Paying(a).AtRow(i + 2).WithReference($"INV-{i + 1:D4}").Build());

    protected static IEnumerable<Transaction> ThrowingAfter(IEnumerable<Transaction> lines, Exception exception)
    {
        foreach (var line in lines)
        {
            yield return line;
        }

        throw exception;
    }

    [Fact]
    public async Task EnsurePlaceAsync_CodeInOnsList_TakesNameAndCensusPopulation()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);

        var place = await store.Places.EnsurePlaceAsync("e08000003", Ct);

        Assert.Equal(Manchester, place.Code);
        Assert.Equal("Manchester", place.Name);
        Assert.Equal(552_000, place.PopulationFor(FiscalYear.StartingIn(2022)));
        Assert.Equal(503_127, place.PopulationFor(FiscalYear.StartingIn(2010)));
    }

    [Fact]
    public async Task EnsurePlaceAsync_CodeNotInOnsList_IsNamedAfterItsCodeWithNoPopulation()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);

        var place = await store.Places.EnsurePlaceAsync("W99999999", Ct);

        Assert.Equal("W99999999", place.Name);
        Assert.Null(place.PopulationFor(FiscalYear.StartingIn(2022)));
        Assert.Single(await store.Places.ListPlacesAsync(Ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Manchester")]
    [InlineData("E0800000")]
    [InlineData("E08-00003")]
    public async Task EnsurePlaceAsync_NotAGssCode_ThrowsArgumentException(string code)
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => store.Places.EnsurePlaceAsync(code, Ct));

        Assert.Contains("GSS code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsurePlaceAsync_NewPlace_SeedsTheDefaultRules()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);

        await store.Places.EnsurePlaceAsync(Manchester, Ct);

        Assert.Equal(ClassificationRules.Default.Rules, await store.Places.ListRulesAsync(Manchester, Ct));
    }

    [Fact]
    public async Task UpsertPlaceAsync_ExplicitNameAndPopulation_ReplacesOnsValues()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        await store.Places.EnsurePlaceAsync(Manchester, Ct);

        var place = await store.Places.UpsertPlaceAsync(new Place(Manchester, "Manchester (test)", new Dictionary<int, long> { [2023] = 570_000 }), Ct);

        Assert.Equal("Manchester (test)", place.Name);
        Assert.Equal(570_000, place.PopulationFor(FiscalYear.StartingIn(2023)));
        Assert.Equal(place.Population, (await store.Places.FindPlaceAsync(Manchester, Ct))!.Population);
    }

    [Fact]
    public async Task EnsureAgencyAsync_SameNameDifferentCase_IsOneAgencyAndKindIsUpdated()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);

        await store.Places.EnsureAgencyAsync(Manchester, new Agency(Council, AgencyKind.Other, FundingSource.Unknown), Ct);
        var agency = await store.Places.EnsureAgencyAsync(Manchester, new Agency("MANCHESTER CITY COUNCIL", AgencyKind.LocalAuthority, FundingSource.Unknown), Ct);

        Assert.Equal(new Agency(Council, AgencyKind.LocalAuthority, FundingSource.LocalTaxation), agency);
        Assert.Single(await store.Places.ListAgenciesAsync(Manchester, Ct));
    }

    [Fact]
    public async Task CommitTransactionsAsync_Lines_AreStoredWithProvenanceAndExactTotal()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        decimal[] amounts = [612.50m, -45.10m, 1_000_000.01m, 0.005m];

        var result = await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "april", amounts.Length), Lines(amounts), Ct);

        Assert.False(result.AlreadyImported);
        Assert.Equal(amounts.Length, result.Batch.RowsLoaded);
        Assert.Equal(amounts.Sum(), result.Batch.Total);
        Assert.Equal(BatchKinds.Transactions, result.Batch.Kind);
        var page = await store.Spend.QueryTransactionsAsync(new TransactionQuery(Manchester, Sort: "source_row", Descending: false), Ct);
        Assert.Equal(amounts, page.Items.Select(r => r.Amount));
        Assert.All(page.Items, r => Assert.Equal(result.Batch.Id, r.BatchId));
        Assert.All(page.Items, r => Assert.Equal("april.csv", r.FileName));
        Assert.Equal([2, 3, 4, 5], page.Items.Select(r => r.SourceRow));
        Assert.Equal(page.Items.Count, page.Items.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task CommitTransactionsAsync_SameFileTwice_SecondAddsNothing()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var header = Headers.For(Manchester, Council, "may", 3);
        var first = await store.Spend.CommitTransactionsAsync(header, Lines(10m, 20m, 30m), Ct);

        var second = await store.Spend.CommitTransactionsAsync(header with { FileName = "renamed.csv" }, Lines(10m, 20m, 30m), Ct);

        Assert.True(second.AlreadyImported);
        Assert.Equal(first.Batch with { Rejects = [] }, second.Batch with { Rejects = [] });
        Assert.Single(await store.Spend.ListBatchesAsync(Manchester, Ct));
        var map = await store.Spend.MapAsync(new MapQuery(Manchester, [], Source: MapSource.Transactions), Ct);
        Assert.Equal(60m, map.Total);
    }

    [Fact]
    public async Task CommitTransactionsAsync_IdenticalNilReturnsFromTwoAgencies_AreEachStoredOnce()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var police = Headers.For(Manchester, "Police", "nil-return-template");
        var fire = police with { Agency = "Fire" };

        var first = await store.Spend.CommitTransactionsAsync(police, [], Ct);
        var second = await store.Spend.CommitTransactionsAsync(fire, [], Ct);
        var again = await store.Spend.CommitTransactionsAsync(fire with { Agency = " FIRE " }, [], Ct);
        var streamed = await store.Spend.CommitTransactionsAsync(fire with { Agency = "Fire", Sha256 = "" }, [], h => h with { Sha256 = police.Sha256 }, Ct);

        Assert.False(first.AlreadyImported);
        Assert.False(second.AlreadyImported);
        Assert.NotEqual(first.Batch.Id, second.Batch.Id);
        Assert.Equal(("Fire", 0), (second.Batch.Agency, second.Batch.RowsLoaded));
        Assert.True(again.AlreadyImported);
        Assert.Equal(second.Batch.Id, again.Batch.Id);
        Assert.True(streamed.AlreadyImported);
        Assert.Equal(second.Batch.Id, streamed.Batch.Id);
        Assert.Equal(2, (await store.Spend.ListBatchesAsync(Manchester, Ct)).Count);
    }

    [Fact]
    public async Task FindBatchBySha256Async_SameBytesOfAnotherKind_IsTheAgencysBatchAsTheCommitFindsIt()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var header = Headers.For(Manchester, Council, "same-bytes-any-kind", 1);
        Assert.Null(await store.Spend.FindBatchBySha256Async(Manchester, header.Sha256, Council, nilReturn: false, Ct));

        var statements = await store.Spend.CommitStatementsAsync(header, [new SpendStatement(Council, "Police", "Grant", FiscalYear.StartingIn(2023), 500m)], Ct);
        await store.Spend.SetPublishedAsync(statements.Batch.Id, published: true, "board", new DateTimeOffset(2025, 2, 1, 10, 0, 0, TimeSpan.Zero), Ct);

        // Upper-case hex and the agency in other case and spacing name the same key.
        var found = await store.Spend.FindBatchBySha256Async(Manchester, header.Sha256.ToUpperInvariant(), "  manchester city council ", nilReturn: false, Ct);
        var committed = await store.Spend.CommitTransactionsAsync(header, Lines(10m), Ct);

        Assert.NotNull(found);
        Assert.Equal((statements.Batch.Id, BatchKinds.Statements, Council), (found.Id, found.Kind, found.Agency));
        Assert.Equal("board", found.PublishedBy);
        Assert.True(committed.AlreadyImported);
        Assert.Equal(committed.Batch.Id, found.Id);
    }

    [Fact]
    public async Task FindBatchBySha256Async_SameBytesWithLinesForAnotherAgency_IsTheFirstBatchTheCommitRefusesOn()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var police = Headers.For(Manchester, "Police", "same-bytes-two-agencies", 2);
        var first = await store.Spend.CommitTransactionsAsync(police, Lines(10m, 20m), Ct);

        var forFire = await store.Spend.FindBatchBySha256Async(Manchester, police.Sha256, "Fire", nilReturn: false, Ct);
        // A nil return's bytes that another agency stored with lines are still that agency's file.
        var forFireNil = await store.Spend.FindBatchBySha256Async(Manchester, police.Sha256, "Fire", nilReturn: true, Ct);
        var committed = await store.Spend.CommitTransactionsAsync(police with { Agency = "Fire" }, Lines(10m, 20m), Ct);

        Assert.Equal(first.Batch.Id, forFire?.Id);
        Assert.Equal("Police", forFire?.Agency);
        Assert.Equal(first.Batch.Id, forFireNil?.Id);
        Assert.Equal(first.Batch.Id, committed.Batch.Id);
        Assert.Single(await store.Spend.ListBatchesAsync(Manchester, Ct));
    }

    [Fact]
    public async Task FindBatchBySha256Async_NilReturnForAnotherAgency_IsNothingToFindUnlessTheFileHasLines()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var police = Headers.For(Manchester, "Police", "nil-return-key");
        var policeNil = await store.Spend.CommitTransactionsAsync(police, [], Ct);

        var fireNil = await store.Spend.FindBatchBySha256Async(Manchester, police.Sha256, "Fire", nilReturn: true, Ct);
        var fireWithLines = await store.Spend.FindBatchBySha256Async(Manchester, police.Sha256, "Fire", nilReturn: false, Ct);
        var policeAgain = await store.Spend.FindBatchBySha256Async(Manchester, police.Sha256, "POLICE", nilReturn: true, Ct);
        var committed = await store.Spend.CommitTransactionsAsync(police with { Agency = "Fire" }, [], Ct);
        var fireNow = await store.Spend.FindBatchBySha256Async(Manchester, police.Sha256, "Fire", nilReturn: true, Ct);

        Assert.Null(fireNil);
        Assert.False(committed.AlreadyImported);
        Assert.Equal(policeNil.Batch.Id, fireWithLines?.Id);
        Assert.Equal(policeNil.Batch.Id, policeAgain?.Id);
        Assert.Equal(committed.Batch.Id, fireNow?.Id);
        Assert.Equal("Fire", fireNow?.Agency);
    }

    [Fact]
    public async Task FindBatchBySha256Async_SameBytesInAnotherPlace_IsNothingToFind()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        const string Salford = "E08000006";
        var header = Headers.For(Manchester, Council, "same-bytes-two-places", 1);
        await store.Spend.CommitTransactionsAsync(header, Lines(10m), Ct);
        await store.Places.EnsurePlaceAsync(Salford, Ct);

        var elsewhere = await store.Spend.FindBatchBySha256Async(Salford, header.Sha256, Council, nilReturn: false, Ct);
        var committed = await store.Spend.CommitTransactionsAsync(header with { PlaceCode = Salford }, Lines(10m), Ct);

        Assert.Null(elsewhere);
        Assert.False(committed.AlreadyImported);
        Assert.Equal(Salford, committed.Batch.PlaceCode);
    }

    [Fact]
    public async Task CommitTransactionsAsync_SameBytesWithLinesForAnotherAgency_AnswersTheFirstBatchAndStoresNothing()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var police = Headers.For(Manchester, "Police", "june", 2);
        var first = await store.Spend.CommitTransactionsAsync(police, Lines(10m, 20m), Ct);

        var known = await store.Spend.CommitTransactionsAsync(police with { Agency = "Fire" }, Lines(10m, 20m), Ct);
        var streamed = await store.Spend.CommitTransactionsAsync(police with { Agency = "Fire", Sha256 = "" }, Lines(10m, 20m), h => h with { Sha256 = police.Sha256 }, Ct);

        Assert.True(known.AlreadyImported);
        Assert.True(streamed.AlreadyImported);
        Assert.Equal(first.Batch.Id, known.Batch.Id);
        Assert.Equal(first.Batch.Id, streamed.Batch.Id);
        Assert.Single(await store.Spend.ListBatchesAsync(Manchester, Ct));
        Assert.Equal(["Police"], (await store.Places.ListAgenciesAsync(Manchester, Ct)).Select(a => a.Name));
        var map = await store.Spend.MapAsync(new MapQuery(Manchester, [], Source: MapSource.Transactions), Ct);
        Assert.Equal(30m, map.Total);
    }

    [Fact]
    public async Task CommitTransactionsAsync_RefusedFileWithAKind_LeavesNoPlaceAndNoAgency()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "good"), Lines(100m), Ct);
        var header = Headers.For("E08000006", "Salford Fire", "bad") with { AgencyKind = AgencyKind.FireAndRescue };

        await Assert.ThrowsAsync<InvalidDataException>(() =>
            store.Spend.CommitTransactionsAsync(header, ThrowingAfter(Lines(5m), new InvalidDataException("bad file")), Ct));
        await Assert.ThrowsAsync<InvalidDataException>(() =>
            store.Spend.CommitTransactionsAsync(header with { PlaceCode = Manchester }, ThrowingAfter(Lines(5m), new InvalidDataException("bad file")), Ct));

        Assert.Equal([Manchester], (await store.Places.ListPlacesAsync(Ct)).Select(p => p.Code));
        Assert.Equal([Council], (await store.Places.ListAgenciesAsync(Manchester, Ct)).Select(a => a.Name));
        var stored = await store.Spend.CommitTransactionsAsync(header with { PlaceCode = Manchester }, Lines(5m), Ct);
        Assert.False(stored.AlreadyImported);
        Assert.Contains(new Agency("Salford Fire", AgencyKind.FireAndRescue, Agency.DefaultFundingSource(AgencyKind.FireAndRescue)), await store.Places.ListAgenciesAsync(Manchester, Ct));
    }

    [Fact]
    public async Task CommitTransactionsAsync_EnumerationThrows_RollsBackEverythingAndRethrows()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var bad = new InvalidDataException("row 9, column Amount: 'abc' is not an amount");

        var thrown = await Assert.ThrowsAsync<InvalidDataException>(() =>
            store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "bad"), ThrowingAfter(Lines(1m, 2m, 3m), bad), Ct));

        Assert.Same(bad, thrown);
        Assert.Empty(await store.Places.ListPlacesAsync(Ct));
        Assert.Empty(await store.Spend.ListBatchesAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task CommitTransactionsAsync_RejectedFileIntoExistingPlace_LeavesStoreUnchanged()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "good"), Lines(100m, 200m), Ct);
        var before = await store.Spend.MapAsync(new MapQuery(Manchester, [MapDimension.Theme], Source: MapSource.Transactions), Ct);

        await Assert.ThrowsAsync<InvalidDataException>(() =>
            store.Spend.CommitTransactionsAsync(Headers.For(Manchester, "New Agency", "bad"), ThrowingAfter(Lines(5m, 6m), new InvalidDataException("bad file")), Ct));

        var after = await store.Spend.MapAsync(new MapQuery(Manchester, [MapDimension.Theme], Source: MapSource.Transactions), Ct);
        Assert.Equal(before.Total, after.Total);
        Assert.Equal(before.Rows, after.Rows);
        Assert.Single(await store.Spend.ListBatchesAsync(Manchester, Ct));
        Assert.Single(await store.Places.ListAgenciesAsync(Manchester, Ct));
        var retry = await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, "New Agency", "bad"), Lines(5m, 6m), Ct);
        Assert.False(retry.AlreadyImported);
    }

    [Fact]
    public async Task CommitTransactionsAsync_HeaderCompletedAfterStreaming_StoresTheFinalCounts()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        BatchReject[] rejects = [new(4, "Amount", "x", "not an amount")];
        var enumerated = 0;
        var lines = Lines(1m, 2m).Select(l => { enumerated++; return l; });

        var result = await store.Spend.CommitTransactionsAsync(
            Headers.For(Manchester, Council, "streamed"),
            lines,
            h => h with { RowsRead = enumerated + 1, Rejects = rejects },
            Ct);

        Assert.Equal((3, 2, 1), (result.Batch.RowsRead, result.Batch.RowsLoaded, result.Batch.RowsRejected));
        Assert.Equal(rejects, result.Batch.Rejects);
    }

    [Fact]
    public async Task CommitTransactionsAsync_CompletedHeaderChangesTheHash_IsRefusedAndRolledBack()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "a"), Lines(1m), h => h with { Sha256 = "00" }, Ct));

        Assert.Empty(await store.Spend.ListBatchesAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task CommitTransactionsAsync_AmountWithFiveDecimalPlaces_IsRefusedNamingTheRow()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);

        var error = await Assert.ThrowsAsync<PlaceStoreException>(() =>
            store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "residue"), Lines(10m, 6.82121E-13m), Ct));

        Assert.Equal(3, error.Row);
        Assert.Equal("amount", error.Column);
        Assert.Contains("residue.csv, row 3", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.Spend.ListBatchesAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task CommitTransactionsAsync_NilReturn_IsAnEmptyBatch()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);

        var result = await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "nil"), [], Ct);

        Assert.Equal(0, result.Batch.RowsLoaded);
        Assert.Equal(0m, result.Batch.Total);
        Assert.Single(await store.Spend.ListBatchesAsync(Manchester, Ct));
    }

    [Fact]
    public async Task ListBatchesAsync_BatchWithRejects_KeepsThemInOrder()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        BatchReject[] rejects = [new(7, "Amount", "abc", "not an amount"), new(9, "Date", "31/02/2024", "no such date")];

        await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "partial", 5, rejects), Lines(1m, 2m, 3m), Ct);

        var batch = Assert.Single(await store.Spend.ListBatchesAsync(cancellationToken: Ct));
        Assert.Equal(rejects, batch.Rejects);
        Assert.Equal(2, batch.RowsRejected);
        Assert.Equal(5, batch.RowsRead);
        Assert.Equal(3, batch.RowsLoaded);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 9, 30, 0, TimeSpan.Zero), batch.ImportedAt);
    }

    [Fact]
    public async Task CommitTransactionsAsync_Lines_AreClassifiedByTheDefaultRules()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        Transaction[] lines =
        [
            new TransactionBuilder().InArea("Adult Social Care").AtRow(2).Build(),
            new TransactionBuilder().InArea("Youth Offending Service").AtRow(3).Build(),
            new TransactionBuilder().InArea("Waste Management").AtRow(4).Build(),
            new TransactionBuilder().InArea("Something Else Entirely").OfType("Miscellaneous").To("Zed").AtRow(5).Build(),
        ];

        await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "classify"), lines, Ct);

        var page = await store.Spend.QueryTransactionsAsync(new TransactionQuery(Manchester, Sort: "source_row", Descending: false), Ct);
        Assert.Equal(["health-social-care", "offender-management", "environment-transport", "unclassified"], page.Items.Select(r => r.Theme));
    }

    [Fact]
    public async Task ReclassifyAsync_AfterAddingARule_ChangesOnlyMatchingLinesAndAgreesWithCore()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        Transaction[] lines =
        [
            new TransactionBuilder().InArea("Something Else").OfType("Misc").To("Zed").AtRow(2).Build(),
            new TransactionBuilder().InArea("Something Else").OfType("Misc").To("Zed").AtRow(3).Build(),
            new TransactionBuilder().InArea("Adult Social Care").AtRow(4).Build(),
            new TransactionBuilder().InArea(null).OfType(null).To(null).AtRow(5).Build(),
        ];
        await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "reclass"), lines, Ct);
        var rule = new ClassificationRule(ClassificationField.ExpenseArea, ClassificationMatch.Exact, "something else", "culture-leisure");

        await store.Places.AddRuleAsync(Manchester, rule, Ct);
        var result = await store.Places.ReclassifyAsync(Manchester, Ct);

        Assert.Equal(2, result.Changed);
        Assert.Equal(4, result.Lines);
        var rules = new ClassificationRules(await store.Places.ListRulesAsync(Manchester, Ct));
        Assert.Equal(rule, rules.Rules[^1]);
        var page = await store.Spend.QueryTransactionsAsync(new TransactionQuery(Manchester, Sort: "source_row", Descending: false), Ct);
        Assert.Equal(["culture-leisure", "culture-leisure", "health-social-care", "unclassified"], page.Items.Select(r => r.Theme));
        Assert.All(page.Items, r => Assert.Equal(rules.Classify(new ClassificationKey(r.ServiceCode, r.ExpenseArea, r.ExpenseType, r.Description, r.Supplier)), r.Theme));
        Assert.Equal(0, (await store.Places.ReclassifyAsync(Manchester, Ct)).Changed);
    }

    [Fact]
    public async Task ChangeStampAsync_PublishingAndReclassifying_EachChangeTheStamp()
    {
        // The web map cache keys on the stamp: a publication changes what a reader may count and a reclassification
        // moves money between themes without adding or removing a batch, so both must give a new stamp.
        await using var store = await Fixture.CreateStoreAsync(Ct);
        Transaction[] lines =
        [
            new TransactionBuilder().InArea("Something Else").OfType("Misc").To("Zed").AtRow(2).Build(),
            new TransactionBuilder().InArea("Adult Social Care").AtRow(3).Build(),
        ];
        var batch = (await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "stamp"), lines, Ct)).Batch;
        var imported = await store.ChangeStampAsync(Manchester, Ct);

        await store.Spend.SetPublishedAsync(batch.Id, published: true, "board", new DateTimeOffset(2025, 2, 1, 10, 0, 0, TimeSpan.Zero), Ct);
        var published = await store.ChangeStampAsync(Manchester, Ct);
        await store.Places.AddRuleAsync(Manchester, new ClassificationRule(ClassificationField.ExpenseArea, ClassificationMatch.Exact, "something else", "culture-leisure"), Ct);
        Assert.Equal(1, (await store.Places.ReclassifyAsync(Manchester, Ct)).Changed);
        var reclassified = await store.ChangeStampAsync(Manchester, Ct);

        Assert.NotEqual(imported, published);
        Assert.NotEqual(published, reclassified);
    }

    [Fact]
    public async Task ChangeStampAsync_StaysTheSameUntilABatchOrThePopulationChanges_AndRefusesANonPlaceCode()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var unknown = await store.ChangeStampAsync("E09000001", Ct);
        Assert.Equal(unknown, await store.ChangeStampAsync("E09000001", Ct));

        var first = (await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "stamp-1"), [new TransactionBuilder().Paying(10m).AtRow(2).Build()], Ct)).Batch;
        var one = await store.ChangeStampAsync(Manchester, Ct);
        Assert.Equal(one, await store.ChangeStampAsync(Manchester, Ct));

        await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "stamp-2"), [new TransactionBuilder().Paying(20m).AtRow(2).Build()], Ct);
        var two = await store.ChangeStampAsync(Manchester, Ct);
        Assert.NotEqual(one, two);

        var place = (await store.Places.FindPlaceAsync(Manchester, Ct))!;
        await store.Places.UpsertPlaceAsync(place with { Population = new Dictionary<int, long>(place.Population) { [2031] = 600_000 } }, Ct);
        var peopled = await store.ChangeStampAsync(Manchester, Ct);
        Assert.NotEqual(two, peopled);

        await store.Spend.DeleteBatchAsync(first.Id, Ct);
        Assert.NotEqual(peopled, await store.ChangeStampAsync(Manchester, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ChangeStampAsync("Manchester", Ct));
    }

    [Fact]
    public async Task AddRuleAsync_UnknownTheme_IsRefused()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var rule = new ClassificationRule(ClassificationField.ExpenseArea, ClassificationMatch.Exact, "x", "no-such-theme");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.Places.AddRuleAsync(Manchester, rule, Ct));

        Assert.Contains("no-such-theme", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddThemeAsync_UserTheme_IsListedAndUsableByRules()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);

        await store.Places.AddThemeAsync(new Theme("early-help", "Early help"), Ct);
        await store.Places.AddRuleAsync(Manchester, new ClassificationRule(ClassificationField.ExpenseArea, ClassificationMatch.Contains, "early help", "early-help"), Ct);

        Assert.Contains(new Theme("early-help", "Early help"), await store.Places.ListThemesAsync(Ct));
        Assert.Equal(Theme.Defaults, (await store.Places.ListThemesAsync(Ct)).Take(Theme.Defaults.Count));
    }

    [Fact]
    public async Task MapAsync_Combined_TakesStatementsWhereAnAgencyYearHasThemElseTransactions()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var y2023 = FiscalYear.StartingIn(2023);
        await store.Spend.CommitStatementsAsync(
            Headers.For(Manchester, "", "statements"),
            [
                new SpendStatement(Council, "health-social-care", "Council tax", y2023, 1_000_000m),
                new SpendStatement(Council, "Housing", "", y2023, 500_000m),
                new SpendStatement(Council, "Adult Social Care", "", y2023, 9_999m, StatementKind.Budget),
                new SpendStatement("GM Police", "community-safety", "Home Office grant", y2023, 2_000m, StatementKind.Budget),
            ],
            Ct);
        await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "council-tx"), Lines(100m, 200m).Select(l => l with { Date = 1.May(2023) }), Ct);
        await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, "Charity", "charity-tx"), Lines(7m).Select(l => l with { Date = 1.May(2023) }), Ct);
        await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, "GM Police", "police-tx"), Lines(50m).Select(l => l with { Date = 1.May(2023) }), Ct);

        var combined = await store.Spend.MapAsync(new MapQuery(Manchester, [MapDimension.Agency, MapDimension.Source]), Ct);
        var statements = await store.Spend.MapAsync(new MapQuery(Manchester, [], Source: MapSource.Statements), Ct);
        var transactions = await store.Spend.MapAsync(new MapQuery(Manchester, [], Source: MapSource.Transactions), Ct);

        Assert.Equal(1_500_000m + 2_000m + 7m, combined.Total);
        Assert.Equal(
            [("Charity", "transactions", 7m), ("GM Police", "statements", 2_000m), (Council, "statements", 1_500_000m)],
            combined.Rows.Select(r => (r.Agency!, r.Source!, r.Amount)));
        Assert.Equal(1_502_000m, statements.Total);
        Assert.Equal(357m, transactions.Total);
    }

    [Fact]
    public async Task CommitStatementsAsync_ThemeAsNameOrService_IsResolvedToACode()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var year = FiscalYear.StartingIn(2023);

        await store.Spend.CommitStatementsAsync(
            Headers.For(Manchester, "", "st"),
            [
                new SpendStatement(Council, "housing", "", year, 1m),
                new SpendStatement(Council, "Worklessness and skills", "", year, 2m),
                new SpendStatement(Council, "Public Health", "", year, 4m),
                new SpendStatement(Council, "Mystery", "", year, 8m),
            ],
            Ct);

        var map = await store.Spend.MapAsync(new MapQuery(Manchester, [MapDimension.Theme]), Ct);
        Assert.Equal(
            [("health-inequalities", 4m), ("housing", 1m), ("unclassified", 8m), ("worklessness-skills", 2m)],
            map.Rows.Select(r => (r.Theme!, r.Amount)));
        Assert.Equal("Housing", map.Rows.Single(r => r.Theme == "housing").ThemeName);
    }

    [Fact]
    public async Task MapAsync_OneYear_GivesPerHeadFromThePlacePopulation()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        await store.Spend.CommitStatementsAsync(
            Headers.For(Manchester, "", "st"),
            [new SpendStatement(Council, "housing", "", FiscalYear.StartingIn(2022), 552_000_000m)],
            Ct);

        var map = await store.Spend.MapAsync(new MapQuery(Manchester, [MapDimension.Year]), Ct);

        Assert.Equal(552_000, map.Population);
        Assert.Equal(1_000m, map.PerHead);
        Assert.Equal(1_000m, Assert.Single(map.Rows).PerHead);
        Assert.Equal("Manchester", map.PlaceName);
    }

    [Fact]
    public async Task MapAsync_Filters_NarrowTheTotal()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        await store.Places.EnsureAgencyAsync(Manchester, new Agency("GM Police", AgencyKind.Police, FundingSource.Unknown), Ct);
        var year = FiscalYear.StartingIn(2023);
        await store.Spend.CommitStatementsAsync(
            Headers.For(Manchester, "", "st"),
            [
                new SpendStatement(Council, "housing", "", year, 1m),
                new SpendStatement(Council, "housing", "", year.Next, 2m),
                new SpendStatement("GM Police", "community-safety", "", year, 4m),
            ],
            Ct);

        Assert.Equal(5m, (await store.Spend.MapAsync(new MapQuery(Manchester, [], Year: year), Ct)).Total);
        Assert.Equal(3m, (await store.Spend.MapAsync(new MapQuery(Manchester, [], Agency: "manchester city council"), Ct)).Total);
        Assert.Equal(4m, (await store.Spend.MapAsync(new MapQuery(Manchester, [], Theme: "community-safety"), Ct)).Total);
        Assert.Equal(4m, (await store.Spend.MapAsync(new MapQuery(Manchester, [], Funding: nameof(FundingSource.PreceptAndHomeOffice)), Ct)).Total);
    }

    [Fact]
    public async Task QueryTransactionsAsync_SearchSortAndPaging_ReturnTheRightSlice()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var lines = Enumerable.Range(1, 25).Select(i =>
            new TransactionBuilder().Paying(i).To(i % 5 == 0 ? "Pennine Care Ltd" : "Other Supplier").AtRow(i + 1).Build());
        await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "paging"), lines, Ct);

        var page2 = await store.Spend.QueryTransactionsAsync(new TransactionQuery(Manchester, Sort: "amount", Descending: true, PageNumber: 2, PageSize: 10), Ct);
        var search = await store.Spend.QueryTransactionsAsync(new TransactionQuery(Manchester, Search: "PENNINE", Sort: "amount", Descending: false), Ct);
        var supplier = await store.Spend.QueryTransactionsAsync(new TransactionQuery(Manchester, Supplier: "pennine care ltd"), Ct);

        Assert.Equal(25, page2.TotalCount);
        Assert.Equal(Enumerable.Range(6, 10).Reverse().Select(i => (decimal)i), page2.Items.Select(r => r.Amount));
        Assert.Equal([5m, 10m, 15m, 20m, 25m], search.Items.Select(r => r.Amount));
        Assert.Equal(5, supplier.TotalCount);
    }

    [Fact]
    public async Task QueryTransactionsAsync_UnknownSort_IsRefused()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        await store.Places.EnsurePlaceAsync(Manchester, Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => store.Spend.QueryTransactionsAsync(new TransactionQuery(Manchester, Sort: "amount; DROP TABLE place"), Ct));
    }

    [Fact]
    public async Task TopSuppliersAsync_NamesDifferingOnlyInCase_AreOneSupplier()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        await store.Spend.CommitTransactionsAsync(
            Headers.For(Manchester, Council, "a"),
            [new TransactionBuilder().To("Acme Ltd").Paying(10m).Build(), new TransactionBuilder().To("ACME LTD ").Paying(5m).Build(), new TransactionBuilder().To("Small Co").Paying(1m).Build()],
            Ct);
        await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, "GM Police", "b"), [new TransactionBuilder().To("acme ltd").Paying(100m).Build()], Ct);

        var top = await store.Spend.TopSuppliersAsync(new MapQuery(Manchester, []), 10, Ct);

        Assert.Equal(2, top.Count);
        Assert.Equal((115m, 3L, 2), (top[0].Amount, top[0].Lines, top[0].Agencies));
        Assert.Equal("Small Co", top[1].Supplier);
    }

    [Fact]
    [Trait("Issue", "11")]
    public async Task SaveMappingAsync_ThenFind_ReturnsItForThePublisherIgnoringCaseReplacesItAndAuditsEachSave()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        await store.Places.EnsurePlaceAsync(Manchester, Ct);
        var at = new DateTimeOffset(2026, 11, 30, 9, 15, 0, TimeSpan.Zero);
        var signature = new string('a', 64);
        var first = new TotalPlace.Storage.Imports.RememberedMapping(Manchester, Council, signature, "Date Paid\nPayee\nQuantum", """{"headerRow":4,"columns":{"amount":3}}""", "april.csv", "analyst", at);

        await store.Mappings.SaveMappingAsync(first, Ct);
        await store.Mappings.SaveMappingAsync(first with { FileName = "may.csv", SavedAt = at.AddDays(30) }, Ct);

        var found = await store.Mappings.FindMappingAsync(Manchester, "  manchester city COUNCIL ", [new string('b', 64), signature], Ct);
        Assert.NotNull(found);
        Assert.Equal("may.csv", found.FileName);
        Assert.Equal(at.AddDays(30), found.SavedAt);
        Assert.Equal(first.MappingJson, found.MappingJson);
        Assert.Equal(first.Header, found.Header);
        Assert.Null(await store.Mappings.FindMappingAsync(Manchester, "Another Council", [signature], Ct));
        Assert.Null(await store.Mappings.FindMappingAsync(Manchester, Council, [new string('b', 64)], Ct));
        Assert.Single(await store.Mappings.ListMappingsAsync(Manchester, Ct));
        var audit = await store.Audit.QueryAuditAsync(new TotalPlace.Storage.Audit.AuditQuery(PlaceCode: Manchester, Action: TotalPlace.Storage.Audit.AuditActions.MappingRemembered), Ct);
        Assert.Equal(2, audit.TotalCount);
        Assert.All(audit.Items, e => Assert.Equal("analyst", e.Actor));
    }
}
