namespace TotalPlace.Core.Assets;

/// <summary>A land or building asset of one partner, as in a Local Government Transparency Code land-and-building file.</summary>
/// <remarks>Coordinates are positions, not money, so they are doubles; running cost is money, so it is a decimal.</remarks>
public sealed record Asset
{
    /// <summary>The owning (or occupying) partner.</summary>
    public required string Agency { get; init; }

    /// <summary>The asset's name ("Castle Street Library").</summary>
    public required string Name { get; init; }

    /// <summary>The Unique Property Reference Number, when given.</summary>
    public string? Uprn { get; init; }

    /// <summary>The address as one line.</summary>
    public string? Address { get; init; }

    /// <summary>The postcode.</summary>
    public string? Postcode { get; init; }

    /// <summary>OSGB36 British National Grid easting in metres.</summary>
    public double? Easting { get; init; }

    /// <summary>OSGB36 British National Grid northing in metres.</summary>
    public double? Northing { get; init; }

    /// <summary>WGS84 latitude in degrees.</summary>
    public double? Latitude { get; init; }

    /// <summary>WGS84 longitude in degrees.</summary>
    public double? Longitude { get; init; }

    /// <summary>The tenure as published ("Freehold", "Leasehold", "Owned").</summary>
    public string? Tenure { get; init; }

    /// <summary>The tenure category as published ("Land", "Building", "Land and Building").</summary>
    public string? TenureCategory { get; init; }

    /// <summary>Gross internal floor area in square metres.</summary>
    public decimal? FloorArea { get; init; }

    /// <summary>Annual running cost in pounds.</summary>
    public decimal? RunningCost { get; init; }

    /// <summary>Share of the space in use, 0 to 1.</summary>
    public decimal? Utilisation { get; init; }

    /// <summary>Condition as published ("A" to "D", or words).</summary>
    public string? Condition { get; init; }

    /// <summary>The row in the source file, for tracing.</summary>
    public int SourceRow { get; init; }

    /// <summary>True when the tenure reads as owned outright (freehold or owned), so vacating could bring a capital receipt.</summary>
    public bool IsFreehold =>
        Tenure is { } t && (t.Contains("freehold", StringComparison.OrdinalIgnoreCase) || t.Contains("owned", StringComparison.OrdinalIgnoreCase));
}
