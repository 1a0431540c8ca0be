namespace TotalPlace.Core.Appraisal;

/// <summary>
/// An entry of a unit cost database (the New Economy UCD, or a user's local figure): what one outcome or one
/// unit of activity is worth, by value type, with its price year, source and confidence.
/// </summary>
/// <remarks>The <see cref="Edition"/> travels with every figure taken from the entry so that reports can cite it.</remarks>
public sealed record UnitCost
{
    /// <summary>The database's code, e.g. "E&amp;E1.0.1", or a user's own code for a local value.</summary>
    public required string Code { get; init; }

    /// <summary>What the unit is.</summary>
    public required string Description { get; init; }

    /// <summary>"UCD v1.4" for the shipped database, "local" for a user's figure.</summary>
    public required string Edition { get; init; }

    /// <summary>The evidence the figure comes from.</summary>
    public required string Source { get; init; }

    /// <summary>The unit, e.g. "Per claimant per year".</summary>
    public string Unit { get; init; } = "";

    /// <summary>The theme (UCD sheet), e.g. "Employment &amp; Economy".</summary>
    public string Theme { get; init; } = "";

    /// <summary>Outcome category and detail, e.g. "EMPLOYMENT &amp; ECONOMY / BENEFITS".</summary>
    public string Category { get; init; } = "";

    /// <summary>The agency that bears the cost (UCD agency level 1).</summary>
    public string Agency { get; init; } = "";

    /// <summary>Sub-agency or second agency (UCD agency level 2).</summary>
    public string AgencyDetail { get; init; } = "";

    /// <summary>The fiscal value, when the entry has one.</summary>
    public UnitCostValue? Fiscal { get; init; }

    /// <summary>The economic value, when the entry has one.</summary>
    public UnitCostValue? Economic { get; init; }

    /// <summary>The social value, when the entry has one.</summary>
    public UnitCostValue? Social { get; init; }

    /// <summary>Confidence: the UCD's red/amber/green rating, or a confidence grade (1–6) for local figures.</summary>
    public string Confidence { get; init; } = "";

    /// <summary>The source's notes.</summary>
    public string Comment { get; init; } = "";

    /// <summary>The value of <paramref name="type"/>, or null when the entry has none.</summary>
    public UnitCostValue? ValueOf(BenefitType type) => type switch
    {
        BenefitType.Fiscal => Fiscal,
        BenefitType.Economic => Economic,
        BenefitType.Social => Social,
        _ => null,
    };

    /// <summary>A user's local unit cost (one value of one type).</summary>
    /// <exception cref="ArgumentException">The code or source is blank, or the amount is negative.</exception>
    public static UnitCost Local(string code, string description, BenefitType type, decimal amount, FiscalYear priceYear,
        string source, string confidence = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        var value = new UnitCostValue(amount, priceYear);
        return new UnitCost
        {
            Code = code,
            Description = description ?? "",
            Edition = "local",
            Source = source,
            Confidence = confidence ?? "",
            Fiscal = type == BenefitType.Fiscal ? value : null,
            Economic = type == BenefitType.Economic ? value : null,
            Social = type == BenefitType.Social ? value : null,
        };
    }
}
