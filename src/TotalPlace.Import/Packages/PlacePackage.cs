using TotalPlace.Core;

namespace TotalPlace.Import.Packages;

/// <summary>A place package: one place and financial year, its partners with their shares, and every file by role
/// (see docs/place-package.md and docs/place-package.schema.json).</summary>
/// <param name="Name">The package's name, e.g. "hyndburn-2023-24".</param>
/// <param name="Format">The format it was written in ("totalplace-place-package/1", or the draft "…draft 0.1").</param>
/// <param name="PlaceCode">The place's GSS code.</param>
/// <param name="PlaceName">The place's name.</param>
/// <param name="Population">The population the shares rest on; null when not stated.</param>
/// <param name="PopulationSource">Where the population comes from.</param>
/// <param name="Year">The financial year.</param>
/// <param name="Partners">The partners, in package order.</param>
/// <param name="Gaps">What a complete count would still need, in words.</param>
public sealed record PlacePackage(
    string Name,
    string Format,
    string PlaceCode,
    string PlaceName,
    long? Population,
    string? PopulationSource,
    FiscalYear Year,
    IReadOnlyList<PackagePartner> Partners,
    IReadOnlyList<string> Gaps);
