namespace TotalPlace.Application.Tests;

/// <summary>The real public files beside the repository: <c>../shared/data</c> from the folder that holds
/// TotalPlace.slnx, found by walking up from the test assembly.</summary>
internal static class SharedData
{
    public static string Root { get; } = Find();

    public static string PathTo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TotalPlace.slnx")))
        {
            dir = dir.Parent;
        }

        var root = dir is null ? null : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
        if (root is null || !Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"../shared/data was not found beside the repository (looked up from {AppContext.BaseDirectory}); these tests read the real published files there.");
        }

        return root;
    }
}
