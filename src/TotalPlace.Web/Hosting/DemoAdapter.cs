using TotalPlace.Storage;

namespace TotalPlace.Web.Hosting;

/// <summary>Calls the demo generator with the web app's progress type.</summary>
internal static class DemoAdapter
{
    public static Task BuildAsync(IPlaceStore store, IProgress<double> progress, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Demo pending");
}
