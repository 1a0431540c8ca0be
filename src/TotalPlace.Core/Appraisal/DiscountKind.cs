namespace TotalPlace.Core.Appraisal;

/// <summary>The Green Book discount schedules a proposal can use (JSON: standard | health | sensitivity).</summary>
public enum DiscountKind
{
    /// <summary>3.5% declining after year 30.</summary>
    Standard,

    /// <summary>1.5% declining after year 30, for health effects.</summary>
    Health,

    /// <summary>The lower-rate sensitivity test, 3.0% declining after year 30.</summary>
    Sensitivity,
}
