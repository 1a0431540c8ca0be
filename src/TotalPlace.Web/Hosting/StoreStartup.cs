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
    // Every way out of start-up settles the status (StoreStatus.Settled), so that nothing awaiting it waits for its own
    // timeout: ready or failed is reported where it happens; everything else (cancelled, stopped, never run) ends in
    // ReportCancelled, which does nothing once the status has settled.
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.MigrateAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            status.ReportCancelled();
            throw;
        }
        catch (Exception ex)
        {
            // The server still refuses to start (the exception goes on to the host), as before; the status says why.
            status.Report(StoreState.Failed, 0, $"Opening the store failed: {ex.Message}");
            throw;
        }

        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await base.StopAsync(cancellationToken);
        }
        finally
        {
            // Stopped before the build settled (or before it ran at all).
            status.ReportCancelled();
        }
    }

    public override void Dispose()
    {
        // Disposed without being started or stopped (another service failed to start first).
        status.ReportCancelled();
        base.Dispose();
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
            // The server is stopping: nothing to report, but Settled completes (cancelled) in the finally below.
        }
#pragma warning disable CA1031 // A failed demo build must not take the server down; the banner says what went wrong.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogDemoFailed(logger, ex);
            status.Report(StoreState.Failed, 0, $"Building the demo place failed: {ex.Message}");
        }
        finally
        {
            // Does nothing after Ready or Failed above.
            status.ReportCancelled();
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
