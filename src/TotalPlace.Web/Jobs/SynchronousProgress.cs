namespace TotalPlace.Web.Jobs;

/// <summary>
/// Reports progress on the reporting thread, in order, before the reporter's next step: unlike
/// <see cref="Progress{T}"/>, which posts each report to the thread pool, so a report can land after the work has
/// finished and overwrite its final state.
/// </summary>
/// <remarks>That late report is what left the first-start banner at "Building the demo place" for good once the
/// build had finished, when busy readers delayed the thread pool (FirstStartTests).</remarks>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
