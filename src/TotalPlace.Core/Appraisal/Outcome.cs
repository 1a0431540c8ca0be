namespace TotalPlace.Core.Appraisal;

/// <summary>An outcome a proposal achieves for some of the people it engages, and what each outcome-year is worth.</summary>
public sealed record Outcome
{
    /// <summary>What is achieved, e.g. "Into sustained work".</summary>
    public required string Name { get; init; }

    /// <summary>The share of engaged people who achieve the outcome, 0–1.</summary>
    public required decimal Success { get; init; }

    /// <summary>The share who would have achieved it anyway, 0–1.</summary>
    public decimal Deadweight { get; init; }

    /// <summary>The share due to other interventions, 0–1.</summary>
    public decimal Attribution { get; init; }

    /// <summary>The share that merely displaces the outcome from others, 0–1.</summary>
    public decimal Displacement { get; init; }

    /// <summary>Years from intake until benefits start.</summary>
    public int LagYears { get; init; }

    /// <summary>Years the benefit lasts (at least 1).</summary>
    public int DurationYears { get; init; } = 1;

    /// <summary>The share of achievers lost in each further year of benefit, 0–1.</summary>
    public decimal DropOff { get; init; }

    /// <summary>The values per outcome-year.</summary>
    public IReadOnlyList<ValueLine> Values { get; init; } = [];
}
