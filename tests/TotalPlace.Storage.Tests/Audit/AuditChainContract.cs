using System.Globalization;
using TotalPlace.Storage.Audit;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Audit;

/// <summary>The audit trail's hash chain on every engine: written with each entry in the change's transaction,
/// recomputed by <see cref="IAuditLog.VerifyAuditChainAsync"/>, and broken by any edit, deletion or insertion made
/// outside the store (through SQL, as a database administrator would).</summary>
public abstract class AuditChainContract<TFixture>(TFixture fixture)
    where TFixture : class, IPlaceStoreFixture
{
    protected const string Manchester = "E08000003";
    protected const string Council = "Manchester City Council";

    protected TFixture Fixture { get; } = fixture;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new store and a way to run SQL on its database as its owner, past any append-only guard.</summary>
    protected abstract Task<(IPlaceStore Store, Func<string, Task> Tamper)> OpenWithTamperAsync();

    /// <summary>Three imports into a new place: four entries, oldest first (the place's creation, then each import).</summary>
    private static async Task<List<AuditEntry>> ThreeImportsAsync(IPlaceStore store)
    {
        using (AuditActor.Use("alice"))
        {
            foreach (var (name, amount) in new[] { ("jan", 50637.85m), ("feb", -20.10m), ("mar", 0.0001m) })
            {
                await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, name), [new TransactionBuilder().Paying(amount).AtRow(2).Build()], Ct);
            }
        }

        var page = await store.Audit.QueryAuditAsync(new AuditQuery(PageSize: AuditQuery.MaxPageSize), Ct);
        return [.. page.Items.OrderBy(e => e.Id)];
    }

    private static string Id(AuditEntry entry) => entry.Id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Verify_AfterChanges_IsIntactAndEachEntryChainsToTheOneBefore()
    {
        var (store, _) = await OpenWithTamperAsync();
        await using (store)
        {
            var entries = await ThreeImportsAsync(store);

            var result = await store.Audit.VerifyAuditChainAsync(cancellationToken: Ct);

            Assert.True(result.Intact, result.Problem);
            Assert.Equal(entries.Count, result.Entries);
            Assert.Equal([AuditActions.PlaceCreated, AuditActions.BatchImported, AuditActions.BatchImported, AuditActions.BatchImported], entries.Select(e => e.Action));
            Assert.Equal(AuditChain.Genesis, entries[0].PreviousHash);
            for (var i = 1; i < entries.Count; i++)
            {
                Assert.Equal(entries[i - 1].Hash, entries[i].PreviousHash);
            }

            // The hash is SHA-256 over the canonical form docs/audit.md defines, recomputed here from the stored fields.
            var last = entries[^1];
            var canonical = string.Join(
                "",
                new[] { Id(last), last.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture), last.Actor, last.Action, last.SubjectKind, last.SubjectId, last.PlaceCode, last.Agency, last.Summary, last.Details, last.PreviousHash! }
                    .Select(f => $"{System.Text.Encoding.UTF8.GetByteCount(f)}:{f}\n"));
            var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("totalplace-audit-v1\n" + canonical)));
            Assert.Equal(expected, last.Hash);
            Assert.Equal(expected, result.Head);
            Assert.Equal(last.Id, result.HeadEntryId);
            Assert.True((await store.Audit.VerifyAuditChainAsync(expected, Ct)).Intact);
        }
    }

    [Fact]
    public async Task Verify_EntryEdited_ReportsThatEntry()
    {
        var (store, tamper) = await OpenWithTamperAsync();
        await using (store)
        {
            var imports = (await ThreeImportsAsync(store)).Where(e => e.Action == AuditActions.BatchImported).ToList();
            Assert.Contains("50637.85", imports[0].Details, StringComparison.Ordinal);

            await tamper($"UPDATE audit_log SET details = replace(details, '50637.85', '506') WHERE audit_id = {Id(imports[0])}");
            await tamper($"UPDATE audit_log SET actor = 'mallory' WHERE audit_id = {Id(imports[1])}");
            var result = await store.Audit.VerifyAuditChainAsync(cancellationToken: Ct);

            Assert.False(result.Intact);
            Assert.Equal(imports[0].Id, result.BrokenEntryId);
            Assert.Contains("changed", result.Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Verify_EntryTimeMovedByAMicrosecond_IsReported()
    {
        var (store, tamper) = await OpenWithTamperAsync();
        await using (store)
        {
            var entries = await ThreeImportsAsync(store);

            await tamper($"UPDATE audit_log SET occurred_at = occurred_at - INTERVAL '1 microsecond' WHERE audit_id = {Id(entries[2])}");
            var result = await store.Audit.VerifyAuditChainAsync(cancellationToken: Ct);

            Assert.False(result.Intact);
            Assert.Equal(entries[2].Id, result.BrokenEntryId);
        }
    }

    [Fact]
    public async Task Verify_EntryDeleted_ReportsTheEntryAfterTheGap()
    {
        var (store, tamper) = await OpenWithTamperAsync();
        await using (store)
        {
            var entries = await ThreeImportsAsync(store);

            await tamper($"DELETE FROM audit_log WHERE audit_id = {Id(entries[1])}");
            var result = await store.Audit.VerifyAuditChainAsync(cancellationToken: Ct);

            Assert.False(result.Intact);
            Assert.Equal(entries[2].Id, result.BrokenEntryId);
            Assert.Contains("deleted or inserted", result.Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Verify_BackdatedEntryInsertedByHand_IsReported()
    {
        var (store, tamper) = await OpenWithTamperAsync();
        await using (store)
        {
            var entries = await ThreeImportsAsync(store);

            await tamper(
                "INSERT INTO audit_log (place_code, audit_id, occurred_at, actor, action, subject_kind, subject_id, agency, summary, details) " +
                $"VALUES ('{Manchester}', {entries[^1].Id + 1}, TIMESTAMPTZ '2020-01-01 00:00:00+00', 'alice', 'batch.deleted', 'batch', '1', '{Council}', 'Deleted batch 1.', '{{}}')");
            var result = await store.Audit.VerifyAuditChainAsync(cancellationToken: Ct);

            Assert.False(result.Intact);
            Assert.Equal(entries[^1].Id + 1, result.BrokenEntryId);
            Assert.Contains("no hash", result.Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Verify_LastEntryDeleted_IsCaughtOnlyByTheHeadKeptElsewhere()
    {
        var (store, tamper) = await OpenWithTamperAsync();
        await using (store)
        {
            var entries = await ThreeImportsAsync(store);
            var head = (await store.Audit.VerifyAuditChainAsync(cancellationToken: Ct)).Head!;

            await tamper($"DELETE FROM audit_log WHERE audit_id = {Id(entries[^1])}");
            var withoutHead = await store.Audit.VerifyAuditChainAsync(cancellationToken: Ct);
            var withHead = await store.Audit.VerifyAuditChainAsync(head, Ct);

            Assert.True(withoutHead.Intact); // the documented limit: a truncated chain is still a chain
            Assert.Equal(entries.Count - 1, withoutHead.Entries);
            Assert.False(withHead.Intact);
            Assert.Contains("not the expected", withHead.Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Migrate_EntriesWrittenBeforeTheChain_AreSealedInIdOrderOnce()
    {
        var (store, tamper) = await OpenWithTamperAsync();
        await using (store)
        {
            var entries = await ThreeImportsAsync(store);

            // Back to a store that predates migration 310: no hashes, the migration not recorded.
            await tamper("UPDATE audit_log SET prev_hash = NULL, entry_hash = NULL");
            await tamper("DELETE FROM schema_version WHERE version = 310");
            await store.MigrateAsync(Ct);
            var result = await store.Audit.VerifyAuditChainAsync(cancellationToken: Ct);
            var sealedEntries = (await store.Audit.QueryAuditAsync(new AuditQuery(PageSize: AuditQuery.MaxPageSize), Ct)).Items.OrderBy(e => e.Id).ToList();

            Assert.True(result.Intact, result.Problem);
            Assert.Equal(entries.Select(e => e.Hash), sealedEntries.Select(e => e.Hash));

            // Sealing ran with the migration only: an entry stripped of its hash later stays reported.
            await tamper($"UPDATE audit_log SET entry_hash = NULL WHERE audit_id = {Id(entries[2])}");
            await store.MigrateAsync(Ct);
            Assert.Equal(entries[2].Id, (await store.Audit.VerifyAuditChainAsync(cancellationToken: Ct)).BrokenEntryId);
        }
    }
}
