using Microsoft.Extensions.Time.Testing;
using TotalPlace.Core.Places;
using TotalPlace.Storage;
using TotalPlace.Storage.DuckDb;
using TotalPlace.Web.Caching;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Caching;

/// <summary>The dashboard cache over a real DuckDB store of its own: served from memory while the data stands still,
/// rebuilt as soon as a batch is committed or the cache is told a write happened.</summary>
public sealed class MapCacheTests : IAsyncLifetime
{
    private const string Place = WebAppFixture.PlaceCode;
    private readonly string _folder = Directory.CreateTempSubdirectory("totalplace-mapcache-").FullName;
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private IPlaceStore _store = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = await DuckDbPlaceStore.OpenAsync(Path.Combine(_folder, "cache.duckdb"), _clock, Token);
        await _store.Places.EnsurePlaceAsync(Place, Token);
        await _store.Places.EnsureAgencyAsync(Place, new Agency(WebAppFixture.Agency, AgencyKind.LocalAuthority, FundingSource.LocalTaxation), Token);
        await CommitAsync("first-half.csv", SampleFiles.FirstHalf());
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Task<BatchResult> CommitAsync(string name, byte[] content) =>
        SampleFiles.CommitAsync(_store, Place, WebAppFixture.Agency, name, content, "cache tests", cancellationToken: Token);

    private Task<PlaceMap> CachedMapAsync(MapCache cache) =>
        cache.GetOrBuildAsync(Place, "map", ct => _store.Spend.MapAsync(new MapQuery(Place, [MapDimension.Agency]), ct), Token);

    [Fact]
    public async Task GetOrBuild_NothingWritten_BuildsOnceAndServesTheSameMap()
    {
        var cache = new MapCache(_store);

        var first = await CachedMapAsync(cache);
        var second = await CachedMapAsync(cache);

        Assert.Equal(1, cache.Builds);
        Assert.Same(first, second);
        Assert.Equal((await _store.Spend.MapAsync(new MapQuery(Place, []), Token)).Total, first.Total);
    }

    [Fact]
    public async Task GetOrBuild_BatchCommittedAfterwards_RebuildsWithTheNewLines()
    {
        var cache = new MapCache(_store);
        var before = await CachedMapAsync(cache);

        var batch = await CommitAsync("second-half.csv", SampleFiles.SecondHalf());
        var after = await CachedMapAsync(cache);

        Assert.Equal(2, cache.Builds);
        Assert.Equal(before.Total + batch.Batch.Total, after.Total);
        Assert.Equal((await _store.Spend.MapAsync(new MapQuery(Place, []), Token)).Total, after.Total);
    }

    [Fact]
    public async Task GetOrBuild_StoreFilesSettledThenBatchCommitted_RebuildsWithTheNewLines()
    {
        var cache = new MapCache(_store);
        // Past the settle time the file stamp alone is the version: no query is made to check it. The store's clock is
        // moved past it rather than waited for; files were last written before the real now, so this is past it too.
        _clock.SetUtcNow(DateTimeOffset.UtcNow + MapCache.SettleTime + TimeSpan.FromSeconds(1));
        var before = await CachedMapAsync(cache);
        var again = await CachedMapAsync(cache);

        var batch = await CommitAsync("second-half.csv", SampleFiles.SecondHalf());
        var after = await CachedMapAsync(cache);

        Assert.Same(before, again);
        Assert.Equal(2, cache.Builds);
        Assert.Equal(before.Total + batch.Batch.Total, after.Total);
    }

    [Fact]
    public async Task GetOrBuild_AfterInvalidate_Rebuilds()
    {
        var cache = new MapCache(_store);
        await CachedMapAsync(cache);

        cache.Invalidate();
        await CachedMapAsync(cache);

        Assert.Equal(2, cache.Builds);
    }

    [Fact]
    public async Task GetOrBuild_ManyConcurrentMisses_ShareOneBuild()
    {
        var cache = new MapCache(_store);

        var maps = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => CachedMapAsync(cache)));

        Assert.Equal(1, cache.Builds);
        Assert.All(maps, m => Assert.Same(maps[0], m));
    }

    [Fact]
    public async Task GetOrBuild_BuildFails_IsNotCachedAndTheNextCallBuildsAgain()
    {
        var cache = new MapCache(_store);
        var calls = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrBuildAsync<int>(Place, "flaky", _ => ++calls == 1 ? throw new InvalidOperationException("first build fails") : Task.FromResult(calls), Token));
        var value = await cache.GetOrBuildAsync<int>(Place, "flaky", _ => ++calls == 1 ? throw new InvalidOperationException("first build fails") : Task.FromResult(calls), Token);

        Assert.Equal(2, value);
    }
}
