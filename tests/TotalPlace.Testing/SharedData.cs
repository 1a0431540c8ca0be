using System.Runtime.CompilerServices;

namespace TotalPlace.Testing;

/// <summary>Outside data (real published spend files, the Unit Cost Database, ONS tables) read where it lives:
/// <c>../shared/data/</c> beside the repository. It is never copied into the repository or the test output.</summary>
/// <remarks>The repository root is the folder holding <c>TotalPlace.slnx</c>, found by walking up from the test
/// assembly and, when the build output sits outside the repository (a custom ArtifactsPath), from this source file.
/// A missing folder or file is a failure that says where it was expected, never a skip.</remarks>
public static class SharedData
{
    private static readonly Lazy<string> s_folder = new(FindFolder);

    /// <summary>The full path of <c>../shared/data</c>.</summary>
    public static string Folder => s_folder.Value;

    /// <summary>The real published spend files (<c>spend-samples/</c>).</summary>
    public static string SpendSamples => Path.Combine(Folder, "spend-samples");

    /// <summary>Devon County Council, spending over £500, April 2025.</summary>
    public static string Devon202504 => File("spend-samples/devon-county-council/DCCSpendingOver500_202504.csv");

    /// <summary>Devon County Council, spending over £500, July 2014.</summary>
    public static string Devon201407 => File("spend-samples/devon-county-council/DCCSpendingOver500_201407.csv");

    /// <summary>Ministry of Justice, ARAMIS spend, April 2012.</summary>
    public static string MinistryOfJustice => File("spend-samples/ministry-of-justice/moj-aramis-april-12.csv.csv");

    /// <summary>NHS Business Services Authority, November.</summary>
    public static string NhsBsa => File("spend-samples/nhs-business-services-authority/08_-_November(3).csv");

    /// <summary>The full path of a file under <c>../shared/data</c>; fails the test when it is absent.</summary>
    public static string File(string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        var path = Path.GetFullPath(Path.Combine(Folder, relativePath));
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException($"The shared data file {relativePath} is missing: expected it at {path}.", path);
        }

        return path;
    }

    /// <summary>The full path of a file or folder under <c>../shared/data</c> (which must exist), without checking the
    /// entry itself (a folder path, or a file a test expects to be missing).</summary>
    public static string PathOf(string relative) => Path.GetFullPath(Path.Combine(Folder, relative));

    /// <summary>The Hyndburn 2023-24 place package folder.</summary>
    public static string Hyndburn => PathOf(Path.Combine("places", "hyndburn-2023-24"));

    /// <summary>Every file under <c>../shared/data/spend-samples</c> with the given extensions (e.g. ".csv").</summary>
    public static IReadOnlyList<string> SpendSampleFiles(params string[] extensions) =>
        Directory.EnumerateFiles(SpendSamples, "*", SearchOption.AllDirectories)
            .Where(f => extensions.Length == 0 || extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>A file of the repository itself (a sample, a schema), by its path from the repository root.</summary>
    public static string RepositoryFile(string relative) => Path.Combine(RepositoryRoot(), relative);

    /// <summary>The repository root: the folder that holds <c>TotalPlace.slnx</c>.</summary>
    public static string RepositoryRoot() =>
        FindRoot(AppContext.BaseDirectory) ?? FindRoot(ThisSourceFolder())
        ?? throw new InvalidOperationException(
            $"The repository root (the folder holding TotalPlace.slnx) was not found above {AppContext.BaseDirectory} or {ThisSourceFolder()}.");

    private static string FindFolder()
    {
        var root = RepositoryRoot();
        var folder = Path.GetFullPath(Path.Combine(root, "..", "shared", "data"));
        return Directory.Exists(folder)
            ? folder
            : throw new DirectoryNotFoundException(
                $"The shared data folder is missing: expected {folder} beside the repository at {root}. Outside data is read from there, never copied into the repository.");
    }

    private static string? FindRoot(string start)
    {
        var dir = new DirectoryInfo(start);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "TotalPlace.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName;
    }

    private static string ThisSourceFolder([CallerFilePath] string here = "") => Path.GetDirectoryName(here) ?? ".";
}
