using TotalPlace.Core;
using TotalPlace.Core.Spending;
using TotalPlace.Storage.Audit;
using TotalPlace.Storage.Identity;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Identity;

/// <summary>What each reader may count, on every engine: published batches for the public; those plus the reader's
/// own agency's for an agency analyst; everything for administrators and the board. Also publication, deletion and
/// the accounts table.</summary>
public abstract class VisibilityContract<TFixture>(TFixture fixture)
    where TFixture : class, IPlaceStoreFixture
{
    private const string Devon = "E10000008";
    private const string Manchester = "E08000003";
    private const string Council = "Devon County Council";
    private const string Police = "Devon and Cornwall Police";
    private static readonly FiscalYear s_year = FiscalYear.StartingIn(2024);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IEnumerable<Transaction> Lines(string supplier, params decimal[] amounts) =>
        amounts.Select((a, i) => new TransactionBuilder().Paying(a).On(new DateOnly(2024, 6, 3)).AtRow(i + 2).WithReference($"{supplier}-{i}").To(supplier).Build());

    /// <summary>The council's batch (published, £150.25) and the police's (unpublished, £1,000.10) in Devon.</summary>
    private static async Task<(ImportBatch Council, ImportBatch Police)> SeedAsync(IPlaceStore store)
    {
        var council = (await store.Spend.CommitTransactionsAsync(Headers.For(Devon, Council, "council"), Lines("ACME LTD", 100m, 50.25m), Ct)).Batch;
        var police = (await store.Spend.CommitTransactionsAsync(Headers.For(Devon, Police, "police"), Lines("BLUE LTD", 1000m, 0.10m), Ct)).Batch;
        Assert.NotNull(await store.Spend.SetPublishedAsync(council.Id, true, "board member", new DateTimeOffset(2025, 2, 1, 10, 0, 0, TimeSpan.Zero), Ct));
        return (council, police);
    }

    public static TheoryData<string, decimal, int> Readers => new()
    {
        { "all", 1150.35m, 4 },
        { "public", 150.25m, 2 },
        { "police analyst", 1150.35m, 4 },
        { "council analyst", 150.25m, 2 },
        { "police analyst elsewhere", 150.25m, 2 },
    };

    private static Visibility ReaderVisibility(string reader) => reader switch
    {
        "all" => Visibility.All,
        "public" => Visibility.PublishedOnly,
        "police analyst" => Visibility.PublishedOrAgency(Devon, Police.ToUpperInvariant()),
        "council analyst" => Visibility.PublishedOrAgency(Devon, Council),
        "police analyst elsewhere" => Visibility.PublishedOrAgency(Manchester, Police),
        _ => throw new ArgumentOutOfRangeException(nameof(reader), reader, "unknown reader"),
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task MapAsync_EachReader_CountsOnlyTheLinesItMaySee(string reader, decimal total, int lines)
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store);
        var visibility = ReaderVisibility(reader);

        var map = await store.Spend.MapAsync(new MapQuery(Devon, [MapDimension.Agency], Visibility: visibility), Ct);
        var drill = await store.Spend.QueryTransactionsAsync(new TransactionQuery(Devon, PageSize: 100, Visibility: visibility), Ct);
        var suppliers = await store.Spend.TopSuppliersAsync(new MapQuery(Devon, [], Visibility: visibility), 10, Ct);

        Assert.Equal(total, map.Total);
        Assert.Equal(total, map.Rows.Sum(r => r.Amount));
        Assert.Equal(lines, drill.TotalCount);
        Assert.Equal(total, drill.Items.Sum(t => t.Amount));
        Assert.Equal(total, suppliers.Sum(s => s.Amount));
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task ListBatchesAsync_EachReader_ListsPublishedAndOwnAgencyBatches(string reader, decimal total, int lines)
    {
        _ = lines;
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store);

        var batches = await store.Spend.ListBatchesAsync(Devon, ReaderVisibility(reader), Ct);

        Assert.Equal(total, batches.Sum(b => b.Total));
        Assert.All(batches, b => Assert.Equal(b.Agency == Council, b.PublishedAt is not null));
    }

    [Fact]
    public async Task MapAsync_UnpublishedStatementOfAnAgency_DoesNotHideItsPublishedTransactionsFromThePublic()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var (_, police) = await SeedAsync(store);
        await store.Spend.SetPublishedAsync(police.Id, true, "board member", DateTimeOffset.UnixEpoch, Ct);
        await store.Spend.CommitStatementsAsync(
            Headers.For(Devon, Police, "police-outturn"),
            [new SpendStatement(Police, "Police", "Home Office grant", s_year, 2_000_000m)],
            Ct);

        var everything = await store.Spend.MapAsync(new MapQuery(Devon, [], s_year, Visibility: Visibility.All), Ct);
        var published = await store.Spend.MapAsync(new MapQuery(Devon, [], s_year, Visibility: Visibility.PublishedOnly), Ct);

        // For everyone who sees the outturn it replaces the police's transactions for the year (no double count); the
        // public, who may not see it, count the police's published transactions instead.
        Assert.Equal(150.25m + 2_000_000m, everything.Total);
        Assert.Equal(1150.35m, published.Total);
    }

    [Fact]
    public async Task ListCountedStatementsAsync_EachReader_ListsTheStatementsItsMapCounts()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var budget = (await store.Spend.CommitStatementsAsync(
            Headers.For(Devon, Council, "council-budget"),
            [new SpendStatement(Council, "Education", "Council tax", s_year, 500_000m, StatementKind.Budget)],
            Ct)).Batch;
        await store.Spend.SetPublishedAsync(budget.Id, true, "board member", DateTimeOffset.UnixEpoch, Ct);
        await store.Spend.CommitStatementsAsync(
            Headers.For(Devon, Council, "council-outturn"),
            [new SpendStatement(Council, "Education", "Council tax", s_year, 480_000m)],
            Ct);

        // Whoever sees the unpublished outturn counts it instead of the budget; the public see only the budget, so
        // for them the budget is what counts, and what is listed behind the figure must add up to it.
        foreach (var (visibility, expected) in new[]
        {
            (Visibility.All, 480_000m),
            (Visibility.PublishedOnly, 500_000m),
            (Visibility.PublishedOrAgency(Devon, Council), 480_000m),
            (Visibility.PublishedOrAgency(Devon, Police), 500_000m),
        })
        {
            var listed = await store.Counting.ListCountedStatementsAsync(Devon, s_year, null, null, visibility, Ct);
            var map = await store.Spend.MapAsync(new MapQuery(Devon, [], s_year, Source: MapSource.Statements, Visibility: visibility), Ct);

            Assert.Equal(expected, listed.Sum(s => s.Amount));
            Assert.Equal(expected, map.Total);
        }
    }

    [Fact]
    public async Task SetPublishedAsync_PublishThenWithdraw_ChangesWhatThePublicCounts()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var (_, police) = await SeedAsync(store);
        var at = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

        var published = await store.Spend.SetPublishedAsync(police.Id, true, "chair", at, Ct);
        var afterPublish = (await store.Spend.MapAsync(new MapQuery(Devon, [], Visibility: Visibility.PublishedOnly), Ct)).Total;
        var withdrawn = await store.Spend.SetPublishedAsync(police.Id, false, "chair", at, Ct);
        var afterWithdraw = (await store.Spend.MapAsync(new MapQuery(Devon, [], Visibility: Visibility.PublishedOnly), Ct)).Total;

        Assert.Equal(at, published!.PublishedAt);
        Assert.Equal("chair", published.PublishedBy);
        Assert.Equal(1150.35m, afterPublish);
        Assert.Null(withdrawn!.PublishedAt);
        Assert.Equal(150.25m, afterWithdraw);
        Assert.Null(await store.Spend.SetPublishedAsync(987_654, true, "chair", at, Ct));
    }

    [Fact]
    public async Task DeleteBatchAsync_Batch_RemovesItsLinesAndTheSameFileLoadsAgain()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var (_, police) = await SeedAsync(store);

        var deleted = await store.Spend.DeleteBatchAsync(police.Id, Ct);
        var total = (await store.Spend.MapAsync(new MapQuery(Devon, []), Ct)).Total;
        var again = await store.Spend.CommitTransactionsAsync(Headers.For(Devon, Police, "police"), Lines("BLUE LTD", 1000m, 0.10m), Ct);

        Assert.Equal(police.Id, deleted!.Id);
        Assert.Equal(150.25m, total);
        Assert.False(again.AlreadyImported);
        Assert.Equal(1150.35m, (await store.Spend.MapAsync(new MapQuery(Devon, []), Ct)).Total);
        Assert.Null(await store.Spend.DeleteBatchAsync(police.Id, Ct));
    }

    [Fact]
    public async Task PublishDeleteAndAccounts_EachChange_IsOnTheAuditTrail()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var (council, police) = await SeedAsync(store);
        var accounts = store.Accounts;

        await store.Spend.DeleteBatchAsync(police.Id, Ct);
        await accounts.SaveUserAsync(new UserAccount("chair", UserPasswords.Hash("chair", "another long password"), UserRole.Board), Ct);
        await accounts.RemoveUserAsync("chair", Ct);
        var log = store.Audit;

        var published = Assert.Single((await log.QueryAuditAsync(new AuditQuery(Action: AuditActions.BatchPublished), Ct)).Items);
        var deleted = Assert.Single((await log.QueryAuditAsync(new AuditQuery(Action: AuditActions.BatchDeleted), Ct)).Items);
        Assert.Equal(council.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), published.SubjectId);
        Assert.Equal("board member", published.Actor);
        Assert.Equal(police.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), deleted.SubjectId);
        Assert.Single((await log.QueryAuditAsync(new AuditQuery(Action: AuditActions.UserCreated), Ct)).Items);
        Assert.Single((await log.QueryAuditAsync(new AuditQuery(Action: AuditActions.UserRemoved), Ct)).Items);
    }

    [Fact]
    public async Task Accounts_SaveFindListRemove_NamesCompareWithoutCase()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var accounts = store.Accounts;
        var analyst = new UserAccount("Pat.Jones", UserPasswords.Hash("Pat.Jones", "correct horse battery"), UserRole.AgencyAnalyst, Devon, Police);

        await accounts.SaveUserAsync(analyst, Ct);
        await accounts.SaveUserAsync(new UserAccount("chair", UserPasswords.Hash("chair", "another long password"), UserRole.Board), Ct);
        var found = await accounts.FindUserAsync("PAT.JONES", Ct);

        Assert.Equal(analyst, found);
        Assert.True(UserPasswords.Verify(found!, "correct horse battery"));
        Assert.False(UserPasswords.Verify(found!, "correct horse batterY"));
        Assert.Equal(["chair", "Pat.Jones"], (await accounts.ListUsersAsync(Ct)).Select(u => u.UserName));
        Assert.True(await accounts.RemoveUserAsync("pat.jones", Ct));
        Assert.Null(await accounts.FindUserAsync("Pat.Jones", Ct));
        Assert.False(await accounts.RemoveUserAsync("pat.jones", Ct));
    }

    [Fact]
    public async Task SaveUserAsync_AnalystWithoutAgency_IsRefused()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            store.Accounts.SaveUserAsync(new UserAccount("pat", UserPasswords.Hash("pat", "correct horse battery"), UserRole.AgencyAnalyst, Devon), Ct));

        Assert.Contains("bound to one place and agency", refused.Message, StringComparison.Ordinal);
    }
}
