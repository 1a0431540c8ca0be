namespace TotalPlace.Storage.Counting;

/// <summary>What committing a package did.</summary>
/// <param name="Files">Every file of the package with its batch.</param>
/// <param name="BatchesAdded">Files whose rows were added now.</param>
/// <param name="BatchesAlreadyLoaded">Files found already loaded (same SHA-256), which added nothing.</param>
public sealed record PackageCommitResult(IReadOnlyList<PackageFileRecord> Files, int BatchesAdded, int BatchesAlreadyLoaded)
{
    /// <summary>True when nothing new was added (the package was imported before).</summary>
    public bool AddedNothing => BatchesAdded == 0;
}
