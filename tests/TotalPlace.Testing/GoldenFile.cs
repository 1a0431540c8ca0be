using System.Runtime.CompilerServices;

namespace TotalPlace.Testing;

/// <summary>Golden-file checks after Spectre's Expectations/*.verified.txt: compares text with a committed file and,
/// on a mismatch, writes <c>NAME.received.txt</c> beside it to review and copy over.</summary>
public static class GoldenFile
{
    /// <summary>Asserts that <paramref name="actual"/> equals the file at <paramref name="relativePath"/>, resolved
    /// against the calling test's source folder (so the expectation lives with the test, not in bin/).</summary>
    public static void Assert(string actual, string relativePath, [CallerFilePath] string callerFile = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        var folder = Path.GetDirectoryName(callerFile) ?? ".";
        var expectedPath = Path.Combine(folder, relativePath);
        var receivedPath = Path.ChangeExtension(expectedPath, null) + ".received" + Path.GetExtension(expectedPath);
        var normalised = Normalise(actual);
        if (!File.Exists(expectedPath))
        {
            File.WriteAllText(receivedPath, normalised);
            Xunit.Assert.Fail($"No golden file {expectedPath}; wrote {receivedPath}. Review it and rename it to accept.");
        }

        var expected = Normalise(File.ReadAllText(expectedPath));
        if (!string.Equals(expected, normalised, StringComparison.Ordinal))
        {
            File.WriteAllText(receivedPath, normalised);
            Xunit.Assert.Fail($"Output differs from {expectedPath}; wrote {receivedPath}. Diff them, and copy it over if the change is intended.");
        }

        if (File.Exists(receivedPath))
        {
            File.Delete(receivedPath);
        }
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
}
