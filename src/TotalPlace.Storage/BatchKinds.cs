namespace TotalPlace.Storage;

/// <summary>The values of <see cref="ImportBatch.Kind"/>.</summary>
public static class BatchKinds
{
    /// <summary>A batch of published spend lines (<see cref="Core.Spending.Transaction"/>).</summary>
    public const string Transactions = "transactions";

    /// <summary>A batch of aggregate statements (<see cref="Core.Spending.SpendStatement"/>).</summary>
    public const string Statements = "statements";

    /// <summary>A place package's top-down count: statements written from the official returns and the flows taken
    /// out, replaced whole when the package is imported again with other figures.</summary>
    public const string Count = "count";
}
