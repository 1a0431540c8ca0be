namespace TotalPlace.Import.Packages;

/// <summary>A problem with a place package, located by its JSON path (e.g. "partners[2].files[0].path").</summary>
/// <param name="Where">The JSON path, or a file path relative to the package.</param>
/// <param name="Message">What is wrong, stated so the author can fix place.json.</param>
/// <param name="IsError">True when the package cannot be imported; false for a warning that is reported and imported.</param>
public sealed record PackageIssue(string Where, string Message, bool IsError = true)
{
    /// <inheritdoc/>
    public override string ToString() => $"place.json {Where}: {Message}";
}
