using System.Runtime.CompilerServices;

namespace TotalPlace.Core.Tests.Partnership;

/// <summary>Finds files in the repository (the sample offer) from this source file's location, which holds
/// wherever the build output goes (artifacts paths may sit outside the repository).</summary>
internal static class RepoFiles
{
    public static string Path(string relative) => System.IO.Path.Combine(Root(), relative);

    public static string SampleOffer => Path("samples/offers/gm-working-well.offer.json");

    private static string Root([CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(System.IO.Path.GetDirectoryName(here)!);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "TotalPlace.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (TotalPlace.slnx) was not found above " + here);
    }
}
