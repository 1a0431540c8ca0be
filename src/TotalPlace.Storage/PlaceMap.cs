namespace TotalPlace.Storage;

/// <summary>The place map: the grand total and one row per group.</summary>
/// <param name="PlaceCode">The place's GSS code.</param>
/// <param name="Total">The sum of every counted line and statement in scope, exact (never rounded).</param>
/// <param name="Population">The population used for the grand total's per-head figure: the population for the one
/// financial year in scope; null when the map spans several years or the population is unknown.</param>
/// <param name="Rows">One row per group, ordered by the grouping keys.</param>
/// <param name="PlaceName">The place's name.</param>
/// <param name="Source">The money counted.</param>
/// <param name="Lines">The number of transaction lines and statement lines counted.</param>
public sealed record PlaceMap(
    string PlaceCode,
    decimal Total,
    long? Population,
    IReadOnlyList<MapRow> Rows,
    string PlaceName = "",
    MapSource Source = MapSource.Combined,
    long Lines = 0)
{
    /// <summary>Pounds per resident, unrounded; null when population is unknown.</summary>
    public decimal? PerHead => Population is > 0 ? Total / Population.Value : null;
}
