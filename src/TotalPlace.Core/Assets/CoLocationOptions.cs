namespace TotalPlace.Core.Assets;

/// <summary>The rules and the stated assumptions of co-location estimates.</summary>
public sealed record CoLocationOptions
{
    /// <summary>The default options.</summary>
    public static readonly CoLocationOptions Default = new();

    /// <summary>Assets further apart than this are not candidates (metres).</summary>
    public double MaxDistanceMetres { get; init; } = 400;

    /// <summary>An asset counts as under-used at or below this utilisation (0 to 1); a group needs at least one.</summary>
    public decimal LowUtilisation { get; init; } = 0.6m;

    /// <summary>Assumed share of a vacated building's running cost that is saved (the rest follows the service into the
    /// kept building): 0.8.</summary>
    public decimal RunningCostSavedShare { get; init; } = 0.8m;

    /// <summary>Assumed capital value of vacated freehold floor space, pounds per square metre: £1,500 (a cautious
    /// figure for secondary public buildings outside central London; replace with local valuations).</summary>
    public decimal CapitalValuePerSquareMetre { get; init; } = 1_500m;
}
