using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using TotalPlace.Core.Assets;
using TotalPlace.Core.Partnership;
using TotalPlace.Core.Partnership.Files;
using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;
using TotalPlace.Core.Waste;
using TotalPlace.Storage.Audit;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Audit;

/// <summary>The audit trail's behaviour on every engine: each change writes exactly one entry in its own transaction,
/// naming who, what and what changed; a change that fails or is refused writes none.</summary>
public abstract class AuditContract<TFixture>(TFixture fixture)
    where TFixture : class, IPlaceStoreFixture
{
    protected const string Manchester = "E08000003";
    protected const string Salford = "E08000006";
    protected const string Council = "Manchester City Council";

    protected TFixture Fixture { get; } = fixture;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new store and a way to run SQL on its database outside the store (to break it on purpose).</summary>
    protected abstract Task<(IPlaceStore Store, Func<string, Task> Sql)> OpenWithSqlAsync();

    private static IEnumerable<Transaction> Lines(params decimal[] amounts) =>
        amounts.Select((a, i) => new TransactionBuilder().Paying(a).AtRow(i + 2).WithReference($"INV-{i + 1:D4}").Build());

    private static IEnumerable<Transaction> ThrowingAfter(IEnumerable<Transaction> lines)
    {
        foreach (var line in lines)
        {
            yield return line;
        }

        throw new InvalidOperationException("the file ended badly");
    }

    private static async Task<List<AuditEntry>> AllAsync(IPlaceStore store) =>
        [.. (await store.Audit.QueryAuditAsync(new AuditQuery(PageSize: AuditQuery.MaxPageSize), Ct)).Items];

    /// <summary>Every entry but the place's own creation, which a commit into a new place records first, in its
    /// transaction (see <see cref="CommitTransactionsAsync_IntoANewPlace_RecordsThePlacesCreationFirst_InTheSameActorScope"/>).</summary>
    private static async Task<List<AuditEntry>> AfterThePlacesCreationAsync(IPlaceStore store) =>
        [.. (await AllAsync(store)).Where(e => e.Action != AuditActions.PlaceCreated)];

    [Fact]
    public async Task CommitTransactionsAsync_IntoANewPlace_RecordsThePlacesCreationFirst_InTheSameActorScope()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        using (AuditActor.Use("alice"))
        {
            await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "first"), Lines(1m), Ct);
            await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "second"), Lines(2m), Ct);
        }

        var entries = (await AllAsync(store)).OrderBy(e => e.Id).ToList();

        Assert.Equal([AuditActions.PlaceCreated, AuditActions.BatchImported, AuditActions.BatchImported], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("alice", e.Actor));
        Assert.Equal(Manchester, entries[0].SubjectId);
    }

    private static JsonObject Details(AuditEntry entry) => JsonNode.Parse(entry.Details)!.AsObject();

    [Fact]
    public async Task CommitTransactionsAsync_InAnActorScope_WritesOneImportedEntryWithCountsAndTotal()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        BatchResult result;
        using (AuditActor.Use("alice"))
        {
            result = await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "jan", rowsRead: 4, rejects: [new BatchReject(5, "amount", "x", "not a number")]), Lines(100.25m, -20m, 3.125m), Ct);
        }

        var entry = Assert.Single(await AfterThePlacesCreationAsync(store));
        Assert.Equal("alice", entry.Actor);
        Assert.Equal(AuditActions.BatchImported, entry.Action);
        Assert.Equal(AuditSubjects.Batch, entry.SubjectKind);
        Assert.Equal(result.Batch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.SubjectId);
        Assert.Equal(Manchester, entry.PlaceCode);
        Assert.Equal(Council, entry.Agency);
        Assert.InRange(entry.At, before, DateTimeOffset.UtcNow.AddSeconds(1));
        var details = Details(entry);
        Assert.Equal(3, (int)details["rowsLoaded"]!);
        Assert.Equal(1, (int)details["rowsRejected"]!);
        Assert.Equal(4, (int)details["rowsRead"]!);
        Assert.Equal(100.25m - 20m + 3.125m, (decimal)details["total"]!);
        Assert.Equal("jan.csv", (string)details["file"]!);
        Assert.Contains("jan.csv", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitTransactionsAsync_SameFileAgain_WritesNoSecondEntry()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "same"), Lines(1m), Ct);

        var again = await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "same"), Lines(1m), Ct);

        Assert.True(again.AlreadyImported);
        Assert.Single(await AfterThePlacesCreationAsync(store));
    }

    [Fact]
    public async Task CommitTransactionsAsync_LinesThrow_WritesNoEntryAndNoBatch()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "bad"), ThrowingAfter(Lines(1m, 2m)), Ct));

        Assert.Empty(await AllAsync(store));
        Assert.Empty(await store.Spend.ListBatchesAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task CommitTransactionsAsync_LineBreaksAStoreRule_WritesNoEntry()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);

        await Assert.ThrowsAsync<PlaceStoreException>(() => store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "residue"), Lines(1m, 0.00001m), Ct));

        Assert.Empty(await AllAsync(store));
    }

    [Fact]
    public async Task CommitTransactionsAsync_AuditEntryCannotBeWritten_StoresNothingOfTheBatch()
    {
        var (store, sql) = await OpenWithSqlAsync();
        await using (store)
        {
            await sql("DROP SEQUENCE audit_id");

            await Assert.ThrowsAnyAsync<Exception>(() => store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "unaudited"), Lines(5m, 6m), Ct));

            await sql("CREATE SEQUENCE audit_id START 1000");
            Assert.Empty(await store.Spend.ListBatchesAsync(cancellationToken: Ct));
            Assert.Empty(await AllAsync(store));
        }
    }

    [Fact]
    public async Task CommitStatementsAsync_NoAmbientActor_RecordsTheImporterTheHeaderNames()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        SpendStatement[] lines =
        [
            new(Council, "Adult Social Care", "", Core.FiscalYear.StartingIn(2024), 1_000m, StatementKind.Outturn, 2),
            new("Greater Manchester Police", "Policing", "", Core.FiscalYear.StartingIn(2024), 2_000m, StatementKind.Outturn, 3),
        ];

        await store.Spend.CommitStatementsAsync(Headers.For(Manchester, "", "outturn"), lines, Ct);

        var entry = Assert.Single(await AfterThePlacesCreationAsync(store));
        Assert.Equal("test", entry.Actor);
        Assert.Equal(AuditActions.BatchImported, entry.Action);
        Assert.Equal(3_000m, (decimal)Details(entry)["total"]!);
        Assert.Equal(["Greater Manchester Police", Council], Details(entry)["agencies"]!.AsArray().Select(a => (string)a!));
    }

    [Fact]
    public async Task ReclassifyAsync_NoActorAnywhere_RecordsSystemAndTheMoneyMovedBetweenThemes()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        Transaction[] lines =
        [
            new TransactionBuilder().InArea("Something Else").OfType("Misc").To("Zed").Paying(120.50m).AtRow(2).Build(),
            new TransactionBuilder().InArea("Something Else").OfType("Misc").To("Zed").Paying(79.50m).AtRow(3).Build(),
            new TransactionBuilder().InArea("Adult Social Care").Paying(1_000m).AtRow(4).Build(),
        ];
        await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "reclass"), lines, Ct);
        await store.Places.AddRuleAsync(Manchester, new ClassificationRule(ClassificationField.ExpenseArea, ClassificationMatch.Exact, "something else", "culture-leisure"), Ct);
        var themesBefore = (await store.Spend.QueryTransactionsAsync(new TransactionQuery(Manchester), Ct)).Items.ToDictionary(r => r.SourceRow, r => r.Theme);

        var result = await store.Places.ReclassifyAsync(Manchester, Ct);

        var entries = await AfterThePlacesCreationAsync(store);
        Assert.Equal([AuditActions.PlaceReclassified, AuditActions.RuleAdded, AuditActions.BatchImported], entries.Select(e => e.Action));
        var entry = entries[0];
        Assert.Equal(AuditActor.System, entry.Actor);
        Assert.Equal(Manchester, entry.SubjectId);
        var details = Details(entry);
        Assert.Equal(result.Changed, (long)details["linesChanged"]!);
        var after = (await store.Spend.QueryTransactionsAsync(new TransactionQuery(Manchester), Ct)).Items;
        var expected = after.Where(r => r.Theme != themesBefore[r.SourceRow])
            .GroupBy(r => (From: themesBefore[r.SourceRow], To: r.Theme))
            .Select(g => (g.Key.From, g.Key.To, Lines: g.LongCount(), Amount: g.Sum(r => r.Amount)))
            .ToList();
        var moves = details["moves"]!.AsArray().Select(m => ((string)m!["from"]!, (string)m["to"]!, (long)m["lines"]!, (decimal)m["amount"]!)).ToList();
        Assert.Equal(expected, moves);
        Assert.Equal(expected.Sum(m => m.Amount), (decimal)details["moneyMoved"]!);
    }

    [Fact]
    public async Task AddRuleAsync_WritesTheRuleAndRefusedRuleWritesNothing()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        await store.Places.EnsurePlaceAsync(Manchester, Ct);
        var rule = new ClassificationRule(ClassificationField.Supplier, ClassificationMatch.Contains, "leisure trust", "culture-leisure", 150, "trusts run leisure centres");

        using (AuditActor.Use("bob"))
        {
            await store.Places.AddRuleAsync(Manchester, rule, Ct);
            await Assert.ThrowsAsync<ArgumentException>(() => store.Places.AddRuleAsync(Manchester, rule with { Theme = "no-such-theme" }, Ct));
        }

        var entries = await AllAsync(store);
        Assert.Equal([AuditActions.RuleAdded, AuditActions.PlaceCreated], entries.Select(e => e.Action));
        var details = Details(entries[0]);
        Assert.Equal("bob", entries[0].Actor);
        Assert.Equal("leisure trust", (string)details["pattern"]!);
        Assert.Equal("culture-leisure", (string)details["theme"]!);
        Assert.Equal(150, (int)details["priority"]!);
        Assert.Equal((await store.Places.ListRulesAsync(Manchester, Ct)).Count, (int)details["ruleNo"]!);
    }

    [Fact]
    public async Task EnsureAgencyAsync_NewThenSameThenChanged_WritesCreatedNothingAndUpdatedWithBeforeAndAfter()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        await store.Places.EnsurePlaceAsync(Manchester, Ct);

        await store.Places.EnsureAgencyAsync(Manchester, new Agency("Manchester Trust", AgencyKind.Nhs, FundingSource.NhsAllocation), Ct);
        await store.Places.EnsureAgencyAsync(Manchester, new Agency("Manchester Trust", AgencyKind.Nhs, FundingSource.NhsAllocation), Ct);
        await store.Places.EnsureAgencyAsync(Manchester, new Agency("Manchester Trust", AgencyKind.LocalAuthority, FundingSource.LocalTaxation), Ct);

        var entries = await AllAsync(store);
        Assert.Equal([AuditActions.AgencyUpdated, AuditActions.AgencyCreated, AuditActions.PlaceCreated], entries.Select(e => e.Action));
        var changes = Details(entries[0])["changes"]!.AsArray();
        Assert.Contains(changes, c => (string)c!["path"]! == "$.kind" && (string)c["before"]! == "Nhs" && (string)c["after"]! == "LocalAuthority");
        Assert.Equal("Manchester Trust", entries[0].Agency);
    }

    [Fact]
    public async Task AddThemeAsync_NewThenRenamedThenSame_WritesAddedAndRenamedOnly()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);

        await store.Places.AddThemeAsync(new Theme("digital", "Digital"), Ct);
        await store.Places.AddThemeAsync(new Theme("digital", "Digital services"), Ct);
        await store.Places.AddThemeAsync(new Theme("digital", "Digital services"), Ct);

        var entries = await AllAsync(store);
        Assert.Equal([AuditActions.ThemeRenamed, AuditActions.ThemeAdded], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("", e.PlaceCode));
        Assert.Equal("Digital", (string)Details(entries[0])["before"]!);
    }

    [Fact]
    public async Task UpsertPlaceAsync_ChangedPopulation_WritesTheChange()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        await store.Places.UpsertPlaceAsync(new Place("W99999999", "Testshire", new Dictionary<int, long> { [2021] = 1000 }), Ct);

        await store.Places.UpsertPlaceAsync(new Place("W99999999", "Testshire", new Dictionary<int, long> { [2021] = 1200 }), Ct);

        var entries = await AllAsync(store);
        Assert.Equal([AuditActions.PlaceUpdated, AuditActions.PlaceCreated], entries.Select(e => e.Action));
        var change = Assert.Single(Details(entries[0])["changes"]!.AsArray());
        Assert.Equal("$.population.2021", (string)change!["path"]!);
        Assert.Equal(1000, (long)change["before"]!);
        Assert.Equal(1200, (long)change["after"]!);
    }

    [Fact]
    public async Task SaveOfferAsync_NewThenEdited_WritesCreatedThenUpdatedWithTheChangedValues()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var offers = store.Partnership;
        var text = SampleOffer();
        var offer = OfferFile.Parse(text).Offer!;
        var edited = OfferFile.Parse(OfferFile.Write(offer).Replace(offer.Title, offer.Title + " (revised)", StringComparison.Ordinal)).Offer!;

        using (AuditActor.Use("carol"))
        {
            await offers.SaveOfferAsync(offer, Ct);
            await offers.SaveOfferAsync(edited, Ct);
        }

        var entries = (await AllAsync(store)).Where(e => e.SubjectKind == AuditSubjects.Offer).ToList();
        Assert.Equal([AuditActions.OfferUpdated, AuditActions.OfferCreated], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(offer.Id, e.SubjectId));
        Assert.All(entries, e => Assert.Equal("E11000001", e.PlaceCode));
        Assert.All(entries, e => Assert.Equal("carol", e.Actor));
        var change = Assert.Single(Details(entries[0])["changes"]!.AsArray());
        Assert.Equal(offer.Title, (string)change!["before"]!);
        Assert.Equal(edited.Title, (string)change["after"]!);
        Assert.Equal(offer.Pool?.TotalContributed.Pounds ?? 0m, (decimal)Details(entries[1])["poolTotal"]!);
    }

    [Fact]
    public async Task RecordActualAsync_WritesTheActualAndAMissingOfferWritesNothing()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var offers = store.Partnership;
        var offer = OfferFile.Parse(SampleOffer()).Offer!;
        await offers.SaveOfferAsync(offer, Ct);
        var actual = new OutcomeActual(offer.Outcomes[0].Name, 42m, new DateOnly(2028, 3, 31));

        await offers.RecordActualAsync(offer.PlaceCode, offer.Id, actual, Ct);
        await Assert.ThrowsAsync<PlaceStoreException>(() => offers.RecordActualAsync(offer.PlaceCode, "no-such-offer", actual, Ct));

        var entry = (await AllAsync(store))[0];
        Assert.Equal(AuditActions.OfferActualRecorded, entry.Action);
        Assert.Equal(42m, (decimal)Details(entry)["actual"]!["value"]!);
        Assert.Equal(2, (await AllAsync(store)).Count(e => e.SubjectKind == AuditSubjects.Offer));
    }

    [Fact]
    public async Task WasteWrites_EachWriteOneEntryWithBeforeAndAfter()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var waste = store.Waste;
        await store.Places.EnsurePlaceAsync(Manchester, Ct);
        var at = new DateTimeOffset(2026, 11, 24, 21, 0, 0, TimeSpan.Zero);
        WasteFinding[] findings =
        [
            new("dup:1", FindingKind.DuplicatePayment, "Paid twice", 9_000m, ["same invoice"]),
            new("supplier:2", FindingKind.SharedSupplier, "Shared supplier", 49_000m, ["five partners"]),
        ];

        await waste.SaveFindingsAsync(Manchester, findings, at, Ct);
        await waste.RecordDecisionAsync(Manchester, new FindingDecision("dup:1", ReviewState.Confirmed, "dora", at), Ct);
        await waste.RecordDecisionAsync(Manchester, new FindingDecision("dup:1", ReviewState.FalsePositive, "erin", at, "two visits"), Ct);
        await waste.AddSupplierDecisionAsync(Manchester, new SupplierDecision(SupplierDecisionKind.Merge, "ACME LTD", "ACME LIMITED"), "frank", at, Ct);
        await waste.ReplaceAssetsAsync(Manchester, Council, [new Asset { Agency = Council, Name = "Town Hall", RunningCost = 10_000m, SourceRow = 2 }], Ct);

        var entries = (await AllAsync(store)).Where(e => e.Action != AuditActions.PlaceCreated).ToList();
        Assert.Equal(
            [AuditActions.AssetsReplaced, AuditActions.SupplierDecided, AuditActions.FindingReviewed, AuditActions.FindingReviewed, AuditActions.WasteAnalysed],
            entries.Select(e => e.Action));
        Assert.Equal(["system", "frank", "erin", "dora", "system"], entries.Select(e => e.Actor));
        Assert.Equal(("Confirmed", "FalsePositive"), ((string)Details(entries[2])["before"]!, (string)Details(entries[2])["after"]!));
        Assert.Equal(("Open", "Confirmed"), ((string)Details(entries[3])["before"]!, (string)Details(entries[3])["after"]!));
        Assert.Equal(58_000m, (decimal)Details(entries[4])["moneyAtStake"]!);
        Assert.Equal((0, 1), ((int)Details(entries[0])["before"]!, (int)Details(entries[0])["after"]!));
    }

    [Fact]
    public async Task QueryAuditAsync_FiltersCombineAndPagesCoverEveryEntryOnce()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var start = DateTimeOffset.UtcNow.AddSeconds(-1);
        for (var i = 0; i < 7; i++)
        {
            using (AuditActor.Use(i % 2 == 0 ? "alice" : "Bob"))
            {
                await store.Spend.CommitTransactionsAsync(Headers.For(i < 5 ? Manchester : Salford, Council, $"file-{i}"), Lines(i + 1m), Ct);
            }
        }

        var audit = store.Audit;
        var all = await audit.QueryAuditAsync(new AuditQuery(PageSize: 100), Ct);
        Assert.Equal(9, all.TotalCount); // 7 imports and the creation of each of the two places
        var byPlace = await audit.QueryAuditAsync(new AuditQuery(PlaceCode: "e08000006"), Ct);
        Assert.Equal(3, byPlace.TotalCount); // Salford's creation and its 2 imports
        Assert.All(byPlace.Items, e => Assert.Equal(Salford, e.PlaceCode));
        var byActor = await audit.QueryAuditAsync(new AuditQuery(Actor: "BOB", PlaceCode: Manchester), Ct);
        Assert.Equal(2, byActor.TotalCount);
        Assert.All(byActor.Items, e => Assert.Equal("Bob", e.Actor));
        Assert.Equal(7, (await audit.QueryAuditAsync(new AuditQuery(Action: AuditActions.BatchImported), Ct)).TotalCount);
        Assert.Equal(0, (await audit.QueryAuditAsync(new AuditQuery(Since: DateTimeOffset.UtcNow.AddMinutes(1)), Ct)).TotalCount);
        Assert.Equal(0, (await audit.QueryAuditAsync(new AuditQuery(Until: start), Ct)).TotalCount);
        Assert.Equal(all.TotalCount, (await audit.QueryAuditAsync(new AuditQuery(Since: start, Until: DateTimeOffset.UtcNow.AddSeconds(1)), Ct)).TotalCount);

        var paged = new List<AuditEntry>();
        for (var page = 1; page <= 4; page++)
        {
            var items = await audit.QueryAuditAsync(new AuditQuery(PageNumber: page, PageSize: 3), Ct);
            Assert.Equal(all.TotalCount, items.TotalCount);
            paged.AddRange(items.Items);
        }

        Assert.Equal(all.Items.Select(e => e.Id), paged.Select(e => e.Id));
        Assert.Equal(all.Items.Select(e => e.Id).OrderDescending(), all.Items.Select(e => e.Id));
        Assert.Equal(["Bob", "alice"], (await audit.ListActorsAsync(Ct)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 0)]
    [InlineData(1, AuditQuery.MaxPageSize + 1)]
    public async Task QueryAuditAsync_BadPage_IsRefusedWithTheRule(int page, int size)
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.Audit.QueryAuditAsync(new AuditQuery(PageNumber: page, PageSize: size), Ct));

        Assert.Contains("page", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RecordAsync_ForAChangeMadeElsewhere_IsListedWithTheAmbientActor()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);

        AuditEntry written;
        using (AuditActor.Use("admin"))
        {
            written = await store.Audit.RecordAsync(new AuditRecord(AuditActions.UserCreated, AuditSubjects.User, "gina", "", "", "Created user gina (board).", new JsonObject { ["roles"] = new JsonArray("board") }), Ct);
        }

        var read = Assert.Single(await AllAsync(store));
        Assert.Equal(written, read);
        Assert.Equal("admin", read.Actor);
    }

    private static string SampleOffer([CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (!File.Exists(Path.Combine(dir!.FullName, "TotalPlace.slnx")))
        {
            dir = dir.Parent;
        }

        return File.ReadAllText(Path.Combine(dir.FullName, "samples/offers/gm-working-well.offer.json"));
    }
}
