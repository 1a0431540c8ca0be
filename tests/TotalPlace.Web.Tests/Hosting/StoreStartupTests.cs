using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using TotalPlace.Core.Places;
using TotalPlace.Storage;
using TotalPlace.Web.Hosting;

namespace TotalPlace.Web.Tests.Hosting;

/// <summary>Every way out of start-up settles <see cref="StoreStatus.Settled"/>, so that what awaits it (the web app
/// tests) fails at once instead of waiting for its own timeout.</summary>
public sealed class StoreStartupTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAsync_CancelledDuringTheMigration_SettledCompletesCancelled()
    {
        var migrating = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = FakeStore(migrate: async ct =>
        {
            migrating.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        });
        var status = new StoreStatus();
        using var startup = new StoreStartup(store, status, new StoreSettings(), NullLogger<StoreStartup>.Instance);
        using var start = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var starting = startup.StartAsync(start.Token);
        await migrating.Task.WaitAsync(Token);
        await start.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => starting);
        Assert.True(status.Settled.IsCanceled, $"Settled is {status.Settled.Status}.");
    }

    [Fact]
    public async Task StartAsync_MigrationFails_SettledCompletesWithTheFailure()
    {
        var store = FakeStore(migrate: _ => Task.FromException(new InvalidOperationException("the disk is full")));
        var status = new StoreStatus();
        using var startup = new StoreStartup(store, status, new StoreSettings(), NullLogger<StoreStartup>.Instance);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => startup.StartAsync(Token));

        Assert.Equal("the disk is full", refused.Message);
        Assert.True(status.Settled.IsCompletedSuccessfully, $"Settled is {status.Settled.Status}.");
        var settled = await status.Settled;
        Assert.Equal(StoreState.Failed, settled.State);
        Assert.Contains("the disk is full", settled.Message, StringComparison.Ordinal);
        Assert.Equal(settled, status.Snapshot());
    }

    [Fact]
    public async Task StopAsync_WhileStartUpReadsThePlaces_SettledCompletesCancelled()
    {
        var listing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = FakeStore(migrate: _ => Task.CompletedTask, listPlaces: async ct =>
        {
            listing.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return [];
        });
        var status = new StoreStatus();
        using var startup = new StoreStartup(store, status, new StoreSettings(), NullLogger<StoreStartup>.Instance);

        await startup.StartAsync(Token);
        await listing.Task.WaitAsync(Token);
        Assert.False(status.Settled.IsCompleted);
        await startup.StopAsync(Token);

        Assert.True(status.Settled.IsCanceled, $"Settled is {status.Settled.Status}.");
    }

    [Fact]
    public async Task StartAsync_EmptyStoreWithoutTheDemo_SettledCompletesReady()
    {
        var store = FakeStore(migrate: _ => Task.CompletedTask, listPlaces: _ => Task.FromResult<IReadOnlyList<Place>>([]));
        var status = new StoreStatus();
        using var startup = new StoreStartup(store, status, new StoreSettings { BuildDemoOnFirstStart = false }, NullLogger<StoreStartup>.Instance);

        await startup.StartAsync(Token);
        var settled = await status.Settled.WaitAsync(Token);
        await startup.StopAsync(Token);

        Assert.True(settled.IsReady, settled.ToString());
        Assert.True(status.Settled.IsCompletedSuccessfully, "Stopping after Ready leaves Settled as it was.");
    }

    [Fact]
    public void Dispose_NeverStarted_SettledCompletesCancelled()
    {
        var status = new StoreStatus();
        var startup = new StoreStartup(FakeStore(migrate: _ => Task.CompletedTask), status, new StoreSettings(), NullLogger<StoreStartup>.Instance);

        startup.Dispose();

        Assert.True(status.Settled.IsCanceled, $"Settled is {status.Settled.Status}.");
    }

    // Only what start-up touches: the migration and the list of places; anything else fails the test loudly.
    private static IPlaceStore FakeStore(
        Func<CancellationToken, Task> migrate,
        Func<CancellationToken, Task<IReadOnlyList<Place>>>? listPlaces = null)
    {
        var places = Fake<IPlacesStore>((method, args) => method.Name == nameof(IPlacesStore.ListPlacesAsync) && listPlaces is not null
            ? listPlaces((CancellationToken)args![^1]!)
            : throw new NotSupportedException(method.Name));
        return Fake<IPlaceStore>((method, args) => method.Name switch
        {
            nameof(IPlaceStore.MigrateAsync) => migrate((CancellationToken)args![^1]!),
            "get_" + nameof(IPlaceStore.Places) => places,
            _ => throw new NotSupportedException(method.Name),
        });
    }

    private static T Fake<T>(Func<MethodInfo, object?[]?, object?> handler)
        where T : class
    {
        var fake = DispatchProxy.Create<T, FakeProxy>();
        ((FakeProxy)(object)fake).Handler = handler;
        return fake;
    }

    /// <summary>An interface answered by a function (DispatchProxy needs a public, unsealed type).</summary>
#pragma warning disable CA1852 // DispatchProxy derives from it at run time.
    public class FakeProxy : DispatchProxy
#pragma warning restore CA1852
    {
        internal Func<MethodInfo, object?[]?, object?> Handler { get; set; } = (method, _) => throw new NotSupportedException(method.Name);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => Handler(targetMethod!, args);
    }
}
