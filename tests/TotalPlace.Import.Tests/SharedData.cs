namespace TotalPlace.Import.Tests;

/// <summary>Finds the project's shared real data (../shared/data beside the repository), which is never copied
/// into the repository.</summary>
internal static class SharedData
{
    /// <summary>The full path of a file under ../shared/data; skips the test when the folder is absent locally and
    /// fails it under CI, where a missing input must never pass silently.</summary>
    public static string File(string relative)
    {
        var root = FindRepositoryRoot();
        var path = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "data", relative));
        if (path is not null && System.IO.File.Exists(path))
        {
            return path;
        }

        var message = $"shared data file '{relative}' not found beside the repository (../shared/data)";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return string.Empty;
    }

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "TotalPlace.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
