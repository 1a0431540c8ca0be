namespace TotalPlace.Core.Partnership;

/// <summary>How partners put their money together.</summary>
public enum PoolKind
{
    /// <summary>One fund held and accounted for by an accountable body (a section 75 style pooled budget).</summary>
    Pooled = 0,

    /// <summary>Each partner keeps its own budget but commits it to the shared outcomes.</summary>
    Aligned,
}
