using TotalPlace.Import.Packages;
using TotalPlace.Storage.Counting;

namespace TotalPlace.Application.Places;

/// <summary>What importing a place package would do: every file read and checked, nothing stored yet. The same plan
/// is what <c>place check</c> shows and what <c>place import</c> commits, so the check never differs from the import.</summary>
/// <param name="Directory">The package folder.</param>
/// <param name="Package">The package, or null when place.json cannot be read.</param>
/// <param name="Issues">Problems found in place.json and in the files; errors stop the import.</param>
/// <param name="Commit">What would be committed, or null when there are errors.</param>
/// <param name="Files">One line per file: partner, path, role, what was read.</param>
/// <param name="Overlaps">Transaction files whose months overlap months already loaded for the partner (flagged before commit).</param>
/// <param name="Missing">What the package says is missing, per partner, and its gaps.</param>
public sealed record PackagePlan(
    string Directory,
    PlacePackage? Package,
    IReadOnlyList<PackageIssue> Issues,
    PackageCommit? Commit,
    IReadOnlyList<PackageFileRecord> Files,
    IReadOnlyList<string> Overlaps,
    IReadOnlyList<string> Missing)
{
    /// <summary>True when the package can be imported.</summary>
    public bool CanImport => Commit is not null && !Issues.Any(i => i.IsError);
}
