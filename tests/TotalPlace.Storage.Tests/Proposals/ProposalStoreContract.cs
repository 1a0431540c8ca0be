using System.Runtime.CompilerServices;
using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Partnership;
using TotalPlace.Core.Partnership.Files;
using TotalPlace.Storage.Audit;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Proposals;

/// <summary>Proposals kept in a real store of every engine (migration 600): saved whole, audited in the same
/// transaction, attached to an offer all or nothing. One abstract suite, one subclass per engine.</summary>
public abstract class ProposalStoreContract<TFixture>(TFixture fixture)
    where TFixture : class, IPlaceStoreFixture
{
    private const string Place = "E11000001";
    private static readonly DateTimeOffset s_savedAt = new(2026, 12, 2, 17, 30, 15, TimeSpan.Zero);

    protected TFixture Fixture { get; } = fixture;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<string> NewStoreAsync();

    private static string Repo(string relative, [CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (!File.Exists(Path.Combine(dir!.FullName, "TotalPlace.slnx")))
        {
            dir = dir.Parent;
        }

        return File.ReadAllText(Path.Combine(dir.FullName, relative));
    }

    private static string Proposal() => ProposalTemplates.Get("workless-claimants");

    [Fact]
    public async Task SaveProposalAsync_ThenReopen_LoadsTheSameFileAndWritesOneAuditEntryPerChange()
    {
        var target = await NewStoreAsync();
        var json = Proposal();
        await using (var store = await PlaceStore.OpenAsync(target, Ct))
        {
            using (AuditActor.Use("ann.analyst"))
            {
                var saved = await store.Proposals.SaveProposalAsync(Place, "jsa-into-work", "JSA claimants into work", json, s_savedAt, Ct);
                Assert.Equal("ann.analyst", saved.SavedBy);
                // Saving the same file again changes nothing and records nothing.
                await store.Proposals.SaveProposalAsync(Place, "jsa-into-work", "JSA claimants into work", json, s_savedAt.AddMinutes(1), Ct);
                await store.Proposals.SaveProposalAsync(Place, "jsa-into-work", "JSA claimants into work", json.Replace("\"engagement\": 0.7", "\"engagement\": 0.75", StringComparison.Ordinal), s_savedAt.AddMinutes(2), Ct);
            }
        }

        await using var reopened = await PlaceStore.OpenAsync(target, Ct);
        var loaded = await reopened.Proposals.LoadProposalAsync(Place, "jsa-into-work", Ct);
        Assert.NotNull(loaded);
        Assert.Contains("\"engagement\": 0.75", loaded.Document, StringComparison.Ordinal);
        Assert.Equal(s_savedAt.AddMinutes(2), loaded.SavedAt);
        Assert.Null(loaded.OfferId);
        Assert.Equal(["jsa-into-work"], (await reopened.Proposals.ListProposalsAsync(Place, Ct)).Select(p => p.Id));
        Assert.Empty(await reopened.Proposals.ListProposalsAsync("E06000001", Ct));

        var audit = await reopened.Audit.QueryAuditAsync(new AuditQuery(PlaceCode: Place, SubjectKind: AuditSubjects.Proposal), Ct);
        Assert.Equal([AuditActions.ProposalUpdated, AuditActions.ProposalCreated], audit.Items.Select(e => e.Action));
        Assert.All(audit.Items, e => Assert.Equal("ann.analyst", e.Actor));
        Assert.Contains("1 value changed", audit.Items[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AttachProposalAsync_SavedOffer_OfferCarriesTheReferenceOnceAndBothAreAudited()
    {
        await using var store = await PlaceStore.OpenAsync(await NewStoreAsync(), Ct);
        var offer = OfferFile.Parse(Repo("samples/offers/gm-working-well.offer.json")).Offer!;
        await store.Partnership.SaveOfferAsync(offer, Ct);
        await store.Proposals.SaveProposalAsync(Place, "jsa-into-work", "JSA claimants into work", Proposal(), s_savedAt, Ct);
        var proposal = ProposalParser.Parse(Proposal()).Value;
        var reference = AppraisalAdapter.From("jsa-into-work", Appraiser.Default.Appraise(proposal));

        await store.Proposals.AttachProposalAsync(Place, "jsa-into-work", offer.Id, reference, Ct);
        await store.Proposals.AttachProposalAsync(Place, "jsa-into-work", offer.Id, reference, Ct);

        var loaded = (await store.Partnership.LoadOfferAsync(Place, offer.Id, Ct))!;
        var attached = Assert.Single(loaded.Appraisals, a => a.ProposalId == "jsa-into-work");
        Assert.Equal(reference.TotalBenefit, attached.TotalBenefit);
        Assert.Equal(reference.TotalCost, attached.TotalCost);
        Assert.Equal(offer.Appraisals.Count + 1, loaded.Appraisals.Count);
        Assert.Equal(offer.Id, (await store.Proposals.LoadProposalAsync(Place, "jsa-into-work", Ct))!.OfferId);
        var attachments = await store.Audit.QueryAuditAsync(new AuditQuery(PlaceCode: Place, Action: AuditActions.ProposalAttached), Ct);
        Assert.Equal(2, attachments.TotalCount);
    }

    [Fact]
    public async Task AttachProposalAsync_NoSuchOffer_ChangesNothing()
    {
        await using var store = await PlaceStore.OpenAsync(await NewStoreAsync(), Ct);
        await store.Proposals.SaveProposalAsync(Place, "jsa-into-work", "JSA claimants into work", Proposal(), s_savedAt, Ct);
        var reference = AppraisalAdapter.From("jsa-into-work", Appraiser.Default.Appraise(ProposalParser.Parse(Proposal()).Value));
        var before = (await store.Audit.QueryAuditAsync(new AuditQuery(PlaceCode: Place), Ct)).TotalCount;

        var error = await Assert.ThrowsAsync<PlaceStoreException>(() => store.Proposals.AttachProposalAsync(Place, "jsa-into-work", "no-such-offer", reference, Ct));

        Assert.Contains("no-such-offer", error.Message, StringComparison.Ordinal);
        Assert.Null((await store.Proposals.LoadProposalAsync(Place, "jsa-into-work", Ct))!.OfferId);
        Assert.Equal(before, (await store.Audit.QueryAuditAsync(new AuditQuery(PlaceCode: Place), Ct)).TotalCount);
    }
}
