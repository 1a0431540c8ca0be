using TotalPlace.Storage;

namespace TotalPlace.Web.Hosting;

/// <summary>
/// Brings the store's schema up to date before the server takes requests, then builds the demo place in the
/// background on first start so the server answers (with a progress banner) while it is built.
/// </summary>
internal sealed partial class StoreStartup(
    IPlaceStore store,
    StoreStatus status,
    StoreSettings settings,
    ILogger<StoreStartup> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var places = await store.Places.ListPlacesAsync(stoppingToken);
            if (places.Count == 0 && settings.BuildDemoOnFirstStart)
            {
                await BuildDemoAsync(stoppingToken);
            }

            status.Report(StoreState.Ready, 1, "Ready");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A failed demo build must not take the server down; the banner says what went wrong.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogDemoFailed(logger, ex);
            status.Report(StoreState.Failed, 0, $"Building the demo place failed: {ex.Message}");
        }
    }

    private async Task BuildDemoAsync(CancellationToken cancellationToken)
    {
        status.Report(StoreState.BuildingDemo, 0, "Building the demo place");
        var console = new ConsoleProgressLine("Building the demo place");
        // Synchronous: a Progress<T> report posted to the thread pool could land after "Ready" and undo it.
        var progress = new Jobs.SynchronousProgress<double>(fraction =>
        {
            status.Report(StoreState.BuildingDemo, fraction, "Building the demo place");
            console.Report(fraction);
        });
        await DemoAdapter.BuildAsync(store, settings.DemoLinesPerYear, progress, cancellationToken);
        console.Complete();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Building the demo place failed")]
    private static partial void LogDemoFailed(ILogger logger, Exception exception);
}
