namespace TotalPlace.Reports.Tests;

/// <summary>A throwaway folder removed when the test ends.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("totalplace-reports-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A viewer may still hold a file; the OS cleans temp folders.
        }
    }
}
