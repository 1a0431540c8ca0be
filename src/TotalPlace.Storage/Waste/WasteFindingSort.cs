namespace TotalPlace.Storage.Waste;

/// <summary>Orders of the waste review list; false positives come last in each unless filtered for.</summary>
public enum WasteFindingSort
{
    /// <summary>Largest money at stake first.</summary>
    MoneyAtStake,

    /// <summary>Strongest evidence first (unscored findings after the scored ones), then money.</summary>
    Score,

    /// <summary>By kind, then money.</summary>
    Kind,
}
