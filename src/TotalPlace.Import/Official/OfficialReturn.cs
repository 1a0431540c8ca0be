using TotalPlace.Core.Spending;

namespace TotalPlace.Import.Official;

/// <summary>The layout of one official return: which columns it gives, what they mean, and where its table is.
/// Adding a return (DWP benefit expenditure by local authority, police funding, schools funding, ICB allocations) is
/// one small subclass naming its columns; <see cref="OfficialReturnReader"/> does the reading.</summary>
public abstract class OfficialReturn
{
    /// <summary>The return's short name, e.g. "RS".</summary>
    public abstract string Code { get; }

    /// <summary>Outturn, budget or benefits paid.</summary>
    public abstract StatementKind Kind { get; }

    /// <summary>The columns read, by asset code.</summary>
    public abstract IReadOnlyList<ReturnColumn> Columns { get; }

    /// <summary>The start of the name of the workbook sheet that holds the data (names carry the year); null for a CSV.</summary>
    public virtual string? Sheet => null;

    /// <summary>The header of the column that holds the body's code.</summary>
    public virtual string CodeHeader => "ONS Code";

    /// <summary>What the return's numbers are worth in pounds (MHCLG publishes £ thousand).</summary>
    public virtual decimal PoundsPerUnit => 1000m;

    /// <summary>The returns this reader knows, by <see cref="Code"/>.</summary>
    public static IReadOnlyList<OfficialReturn> Known { get; } = [new RevenueOutturnSummary(), new RevenueOutturnServiceExpenditure(), new RevenueAccountBudget()];

    /// <summary>The known return a file holds, from its name and first bytes; null when none fits.</summary>
    public static OfficialReturn? Detect(string fileName, ReadOnlySpan<byte> start)
    {
        var name = Path.GetFileName(fileName).ToUpperInvariant();
        if (name.StartsWith("RSX", StringComparison.Ordinal))
        {
            return Known[1];
        }

        if (name.StartsWith("RS", StringComparison.Ordinal))
        {
            return Known[0];
        }

        if (name.StartsWith("RA", StringComparison.Ordinal))
        {
            return Known[2];
        }

        _ = start;
        return null;
    }
}
