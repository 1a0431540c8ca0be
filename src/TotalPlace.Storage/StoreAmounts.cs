namespace TotalPlace.Storage;

/// <summary>The store's money column: DECIMAL(18,4). Four places because some publishers give amounts to 3 places
/// (never round what was published); 18 digits because an int64 holds it, which keeps DuckDB scans and sums fast,
/// and ±£99 trillion is far beyond any one line. Sums are taken as DECIMAL(38,4), exact.</summary>
/// <remarks>Public so that an import's preview can apply the very rule its commit will (the application layer's
/// import use case), rather than learning of it when the commit fails.</remarks>
public static class StoreAmounts
{
    /// <summary>Decimal places kept: a hundredth of a penny.</summary>
    public const int Scale = 4;

    /// <summary>The largest amount one line may hold, either sign.</summary>
    public const decimal Limit = 99_999_999_999_999.9999m;

    /// <summary>Null when the amount fits the column, else the reason it does not.</summary>
    public static string? Check(decimal amount)
    {
        if (amount > Limit || amount < -Limit)
        {
            return $"the amount {amount} is beyond ±£99,999,999,999,999.9999, the store's limit for one line";
        }

        if (decimal.Round(amount, Scale) != amount)
        {
            return $"the amount {amount} has more than {Scale} decimal places; the store keeps amounts to a hundredth of a penny and will not round what was published";
        }

        return null;
    }
}
