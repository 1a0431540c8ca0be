namespace TotalPlace.Import.Packages;

/// <summary>What a file in a place package is for.</summary>
public enum PackageFileRole
{
    /// <summary>A partner's published spend lines (bottom-up).</summary>
    Transactions,

    /// <summary>An outturn return (top-down actual spend).</summary>
    Outturn,

    /// <summary>A budget return (top-down planned spend).</summary>
    Budget,

    /// <summary>An allocation table that yields a share (e.g. GP-practice weighted populations); no £.</summary>
    Allocation,
}
