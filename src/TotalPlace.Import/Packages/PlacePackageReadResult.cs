namespace TotalPlace.Import.Packages;

/// <summary>A place package as read, with the issues found; the package is null when place.json cannot be read at all.</summary>
/// <param name="Package">The package.</param>
/// <param name="Issues">Errors and warnings, each located.</param>
public sealed record PlacePackageReadResult(PlacePackage? Package, IReadOnlyList<PackageIssue> Issues)
{
    /// <summary>True when the package can be imported.</summary>
    public bool IsValid => Package is not null && !Issues.Any(i => i.IsError);
}
