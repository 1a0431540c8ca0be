using System.Runtime.CompilerServices;
using TotalPlace.Core.Partnership;
using TotalPlace.Core.Partnership.Files;
using TotalPlace.Core.Partnership.Tracking;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Partnership;

/// <summary>Offers round-trip through a real store of every engine, beside their place: one abstract suite, one
/// subclass per engine.</summary>
public abstract class PartnershipStoreContract<TFixture>(TFixture fixture)
    where TFixture : class, IPlaceStoreFixture
{
    protected TFixture Fixture { get; } = fixture;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Names a new, empty store that <see cref="PlaceStore.OpenAsync(string, CancellationToken)"/> opens (and opens again).</summary>
    protected abstract Task<string> NewStoreAsync();

    private static string SampleText([CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (!File.Exists(Path.Combine(dir!.FullName, "TotalPlace.slnx")))
        {
            dir = dir.Parent;
        }

        return File.ReadAllText(Path.Combine(dir.FullName, "samples/offers/gm-working-well.offer.json"));
    }

    private static Offer Sample() => OfferFile.Parse(SampleText()).Offer!;

    [Fact]
    public async Task SaveOfferAsync_ThenReopenAndLoad_RoundTripsTheWholeOffer()
    {
        var target = await NewStoreAsync();
        var offer = Sample();
        await using (var store = await PlaceStore.OpenAsync(target, Ct))
        {
            await store.Partnership.SaveOfferAsync(offer, Ct);
        }

        await using var reopened = await PlaceStore.OpenAsync(target, Ct);
        var loaded = await reopened.Partnership.LoadOfferAsync("E11000001", offer.Id, Ct);

        Assert.NotNull(loaded);
        Assert.Equal(OfferFile.Write(offer), OfferFile.Write(loaded));
        Assert.Equal(SavingsDistributor.Distribute(offer).Lines, SavingsDistributor.Distribute(loaded).Lines);
    }

    [Fact]
    public async Task SaveOfferAsync_PlacesTheOfferBesideItsPlace()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);

        await store.Partnership.SaveOfferAsync(Sample(), Ct);

        Assert.Contains(await store.Places.ListPlacesAsync(Ct), p => p.Code == "E11000001");
    }

    [Fact]
    public async Task ListOffersAsync_SumsThePoolFromStoredRows()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var offers = store.Partnership;
        var offer = Sample();
        await offers.SaveOfferAsync(offer, Ct);

        var summary = Assert.Single(await offers.ListOffersAsync("E11000001", Ct));

        Assert.Equal(offer.Pool!.Contributions.Sum(c => c.Cash.Pounds + c.InKind.Pounds), summary.PoolTotal);
        Assert.Equal(offer.Partners.Count, summary.Partners);
        Assert.Equal(offer.Outcomes.Count, summary.Outcomes);
        Assert.Equal(offer.Actuals.Count, summary.Actuals);
        Assert.Equal("Draft", summary.Status);
        Assert.Empty(await offers.ListOffersAsync("E08000003", Ct));
    }

    [Fact]
    public async Task SaveOfferAsync_SameIdAgain_ReplacesRatherThanDuplicates()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var offers = store.Partnership;
        var offer = Sample();
        await offers.SaveOfferAsync(offer, Ct);
        offer.MoveTo(OfferStatus.Submitted);

        await offers.SaveOfferAsync(offer, Ct);

        var summary = Assert.Single(await offers.ListOffersAsync(cancellationToken: Ct));
        Assert.Equal("Submitted", summary.Status);
        Assert.Equal(offer.Pool!.TotalContributed.Pounds, summary.PoolTotal);
    }

    [Fact]
    public async Task RecordActualAsync_FeedsTheInterimReport()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);
        var offers = store.Partnership;
        var offer = Sample();
        await offers.SaveOfferAsync(offer, Ct);
        var outcome = offer.Outcomes[^1];

        await offers.RecordActualAsync(offer.PlaceCode, offer.Id, new OutcomeActual(outcome.Name, 1000m, new DateOnly(2028, 9, 1)), Ct);

        var loaded = (await offers.LoadOfferAsync(offer.PlaceCode, offer.Id, Ct))!;
        var progress = OutcomeTracker.Interim(loaded).Outcomes.Single(p => p.Outcome.Name == outcome.Name);
        Assert.Equal(1000m, progress.Latest!.Value);
        Assert.NotEqual(Rag.NotMeasured, progress.Status);
    }

    [Fact]
    public async Task RecordActualAsync_UnknownOffer_Throws()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);

        await Assert.ThrowsAsync<PlaceStoreException>(() =>
            store.Partnership.RecordActualAsync("E11000001", "nope", new OutcomeActual("x", 1m, new DateOnly(2028, 1, 1)), Ct));
    }

    [Fact]
    public async Task LoadOfferAsync_Missing_ReturnsNull()
    {
        await using var store = await Fixture.CreateStoreAsync(Ct);

        Assert.Null(await store.Partnership.LoadOfferAsync("E11000001", "nope", Ct));
    }
}
