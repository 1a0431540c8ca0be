using TotalPlace.Demo;
using TotalPlace.Storage;
using TotalPlace.Web.Jobs;

namespace TotalPlace.Web.Hosting;

/// <summary>Calls the demo generator, turning its step counts into the fraction the banner and console show.</summary>
internal static class DemoAdapter
{
    public static Task<DemoSummary> BuildAsync(
        IPlaceStore store, int? linesPerYear, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var options = linesPerYear is { } lines ? new DemoOptions(TransactionLinesPerYear: lines) : new DemoOptions();
        return DemoPlace.BuildAsync(
            store,
            options,
            // Synchronous, so every report has landed before the build returns and the caller reports "Ready".
            new SynchronousProgress<DemoProgress>(p => progress.Report(p.Total == 0 ? 0 : (double)p.Completed / p.Total)),
            TimeProvider.System,
            cancellationToken);
    }
}
