namespace TotalPlace.Web.Hosting;

/// <summary>What the store is doing now: the UI shows a progress banner while the demo place is being built.</summary>
public sealed class StoreStatus
{
    private readonly Lock _gate = new();
    private StoreState _state = StoreState.Starting;
    private double _fraction;
    private string _message = "Opening the store";

    // Completed when the store reaches Ready or Failed: what a caller that must wait for start-up awaits.
    private readonly TaskCompletionSource<StoreStatusSnapshot> _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes, with the snapshot, once the store is ready or has failed to start (the demo build included);
    /// completes cancelled when the server stops (or start-up is cancelled) before either.</summary>
    public Task<StoreStatusSnapshot> Settled => _settled.Task;

    public StoreStatusSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new StoreStatusSnapshot(_state, _fraction, _message);
        }
    }

    public void Report(StoreState state, double fraction, string message)
    {
        StoreStatusSnapshot snapshot;
        lock (_gate)
        {
            _state = state;
            _fraction = Math.Clamp(fraction, 0, 1);
            _message = message;
            snapshot = new StoreStatusSnapshot(_state, _fraction, _message);
        }

        if (state is StoreState.Ready or StoreState.Failed)
        {
            _settled.TrySetResult(snapshot);
        }
    }

    /// <summary>Start-up ended without the store becoming ready or failing (it was cancelled, or the server stopped
    /// first): <see cref="Settled"/> completes cancelled, so whoever awaits it stops waiting at once. Does nothing once
    /// the status has settled.</summary>
    public void ReportCancelled() => _settled.TrySetCanceled();
}

/// <summary>The store's start-up stage.</summary>
public enum StoreState
{
    Starting,
    BuildingDemo,
    Ready,
    Failed,
}

/// <summary>A moment's view of <see cref="StoreStatus"/>.</summary>
public sealed record StoreStatusSnapshot(StoreState State, double Fraction, string Message)
{
    public bool IsReady => State == StoreState.Ready;
}
