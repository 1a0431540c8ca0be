using TotalPlace.Core;

namespace TotalPlace.Storage.Counting;

/// <summary>A package as stored for a place and year.</summary>
/// <param name="PlaceCode">The place.</param>
/// <param name="Year">The year.</param>
/// <param name="Package">Its name.</param>
/// <param name="Format">Its format.</param>
/// <param name="Population">The population its shares rest on.</param>
/// <param name="PopulationSource">Where that comes from.</param>
/// <param name="Gaps">What a complete count would still need.</param>
/// <param name="ImportedBy">Who imported it.</param>
/// <param name="ImportedAt">When.</param>
public sealed record StoredPackage(string PlaceCode, FiscalYear Year, string Package, string Format, long? Population, string? PopulationSource, IReadOnlyList<string> Gaps, string ImportedBy, DateTimeOffset ImportedAt);
