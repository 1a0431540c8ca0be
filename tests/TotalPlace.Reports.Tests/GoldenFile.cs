using System.Runtime.CompilerServices;

namespace TotalPlace.Reports.Tests;

/// <summary>
/// Compares rendered output with a committed file under Expectations/ (Spectre's *.verified.txt idea, without
/// Verify, which is not available here). On a mismatch it writes NAME.received.EXT beside the expected file, so the
/// diff can be reviewed and, if right, copied over the expected file.
/// </summary>
internal static class GoldenFile
{
    public static void Assert(string actual, string relativePath, [CallerFilePath] string caller = "")
    {
        var expectedPath = Path.Combine(ProjectDirectory(caller), "Expectations", relativePath);
        var received = Path.Combine(
            Path.GetDirectoryName(expectedPath)!,
            Path.GetFileNameWithoutExtension(expectedPath) + ".received" + Path.GetExtension(expectedPath));
        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).ReplaceLineEndings("\n") : null;
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(received)!);
        File.WriteAllText(received, actual);
        Xunit.Assert.Fail(expected is null
            ? $"No expected file {expectedPath}; the output was written to {received}. Review it and rename it to accept it."
            : $"The output differs from {expectedPath}; it was written to {received}. Diff them, and copy it over if the change is right.");
    }

    public static string ProjectDirectory([CallerFilePath] string caller = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(caller)!);
        while (dir is not null && dir.GetFiles("*.csproj").Length == 0)
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("No project directory above " + caller);
    }

    public static string RepoFile(string relative, [CallerFilePath] string caller = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(caller)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TotalPlace.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("No repository root above " + caller), relative);
    }
}
