using System.Runtime.CompilerServices;

namespace TotalPlace.Testing;

/// <summary>How strictly a golden file is compared.</summary>
public enum GoldenText
{
    /// <summary>Byte for byte, apart from line endings and trailing blank lines (documents, Markdown, JSON).</summary>
    Exact,

    /// <summary>Also ignores each line's trailing spaces: console tables pad their last cell to the terminal width.</summary>
    TrimmedLines,
}

/// <summary>The one golden-file check, after Spectre's Expectations/*.verified.txt: compares text with a committed file
/// and, on a mismatch, writes <c>NAME.received.EXT</c> beside it to review and copy over.</summary>
public static class GoldenFile
{
    /// <summary>Asserts that <paramref name="actual"/> equals the file at <paramref name="relativePath"/>, resolved
    /// against the calling test project's folder (the nearest folder above the caller holding a .csproj), so the
    /// expectation lives with the tests, not in bin/.</summary>
    public static void Assert(string actual, string relativePath, GoldenText comparison = GoldenText.Exact, [CallerFilePath] string callerFile = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        var expectedPath = Path.Combine(ProjectFolder(callerFile), relativePath);
        var receivedPath = Path.Combine(
            Path.GetDirectoryName(expectedPath)!,
            Path.GetFileNameWithoutExtension(expectedPath) + ".received" + Path.GetExtension(expectedPath));
        var normalised = Normalise(actual, comparison);
        if (!File.Exists(expectedPath))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(receivedPath)!);
            File.WriteAllText(receivedPath, normalised);
            Xunit.Assert.Fail($"No golden file {expectedPath}; wrote {receivedPath}. Review it and rename it to accept.");
        }

        var expected = Normalise(File.ReadAllText(expectedPath), comparison);
        if (!string.Equals(expected, normalised, StringComparison.Ordinal))
        {
            File.WriteAllText(receivedPath, normalised);
            Xunit.Assert.Fail($"Output differs from {expectedPath}; wrote {receivedPath}. Diff them, and copy it over if the change is intended.");
        }

        File.Delete(receivedPath);
    }

    /// <summary>The test project folder above <paramref name="callerFile"/>.</summary>
    public static string ProjectFolder([CallerFilePath] string callerFile = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(callerFile) ?? "."); dir is not null; dir = dir.Parent)
        {
            if (dir.GetFiles("*.csproj").Length > 0)
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No test project folder (one holding a .csproj) above " + callerFile);
    }

    private static string Normalise(string text, GoldenText comparison)
    {
        var lines = text.ReplaceLineEndings("\n");
        if (comparison == GoldenText.TrimmedLines)
        {
            lines = string.Join('\n', lines.Split('\n').Select(l => l.TrimEnd()));
        }

        return lines.TrimEnd('\n') + "\n";
    }
}
