namespace TotalPlace.Storage;

/// <summary>The values of <see cref="ImportBatch.Kind"/>.</summary>
public static class BatchKinds
{
    /// <summary>A batch of published spend lines (<see cref="Core.Spending.Transaction"/>).</summary>
    public const string Transactions = "transactions";

    /// <summary>A batch of aggregate statements (<see cref="Core.Spending.SpendStatement"/>).</summary>
    public const string Statements = "statements";
}
