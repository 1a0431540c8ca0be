namespace TotalPlace.Web.Hosting;

/// <summary>What the store is doing now: the UI shows a progress banner while the demo place is being built.</summary>
public sealed class StoreStatus
{
    private readonly Lock _gate = new();
    private StoreState _state = StoreState.Starting;
    private double _fraction;
    private string _message = "Opening the store";

    public StoreStatusSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new StoreStatusSnapshot(_state, _fraction, _message);
        }
    }

    public void Report(StoreState state, double fraction, string message)
    {
        lock (_gate)
        {
            _state = state;
            _fraction = Math.Clamp(fraction, 0, 1);
            _message = message;
        }
    }
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
