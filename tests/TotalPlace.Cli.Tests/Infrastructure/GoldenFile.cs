using System.Runtime.CompilerServices;

namespace TotalPlace.Cli.Tests.Infrastructure;

/// <summary>Compares rendered output with a committed expectation file; on a mismatch writes a .received.txt beside
/// it for review (the Spectre "verified" workflow without Verify, which is not available here).</summary>
public static class GoldenFile
{
    public static void Assert(string actual, string relativePath, [CallerFilePath] string callerFile = "")
    {
        var projectFolder = FindProjectFolder(Path.GetDirectoryName(callerFile)!);
        var expectedPath = Path.Combine(projectFolder, relativePath);
        var normalised = Normalise(actual);
        var receivedPath = Path.ChangeExtension(expectedPath, ".received.txt");
        if (!File.Exists(expectedPath))
        {
            File.WriteAllText(receivedPath, normalised);
            Xunit.Assert.Fail($"No golden file {expectedPath}; wrote {receivedPath}. Review it and rename it to accept.");
        }

        var expected = Normalise(File.ReadAllText(expectedPath));
        if (expected != normalised)
        {
            File.WriteAllText(receivedPath, normalised);
            Xunit.Assert.Fail($"Output differs from {expectedPath}; wrote {receivedPath}.\nExpected:\n{expected}\nActual:\n{normalised}");
        }

        if (File.Exists(receivedPath))
        {
            File.Delete(receivedPath);
        }
    }

    private static string Normalise(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).TrimEnd('\n') + "\n";

    private static string FindProjectFolder(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (dir.GetFiles("*.csproj").Length > 0)
            {
                return dir.FullName;
            }
        }

        return start;
    }
}
