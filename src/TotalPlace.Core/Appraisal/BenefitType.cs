namespace TotalPlace.Core.Appraisal;

/// <summary>The kind of value a benefit line counts (JSON: fiscal | economic | social).</summary>
public enum BenefitType
{
    /// <summary>A saving or cost to a named public body.</summary>
    Fiscal,

    /// <summary>A net increase in earnings or local growth.</summary>
    Economic,

    /// <summary>Wider gains: health, attainment, safety, wellbeing.</summary>
    Social,
}
