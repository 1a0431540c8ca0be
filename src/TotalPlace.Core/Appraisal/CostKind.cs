namespace TotalPlace.Core.Appraisal;

/// <summary>What a cost line buys (JSON: capital | revenue | in-kind).</summary>
public enum CostKind
{
    /// <summary>Capital spending.</summary>
    Capital,

    /// <summary>Running (revenue) spending.</summary>
    Revenue,

    /// <summary>Staff time, premises or other resources given in kind.</summary>
    InKind,
}
