namespace TotalPlace.Core.Counting;

/// <summary>What is known of one partner for one year, whole-body, before the place's share is taken: its outturn
/// and budget from the official returns and the sum of its published lines.</summary>
public sealed record CountedPartner
{
    /// <summary>The partner's key in its package (e.g. "hyndburn-bc").</summary>
    public required string Key { get; init; }

    /// <summary>The partner's name.</summary>
    public required string Name { get; init; }

    /// <summary>The body's GSS code where it has one (else its own scheme's code, e.g. NHS ODS).</summary>
    public string? Code { get; init; }

    /// <summary>The part of the partner that counts for the place.</summary>
    public required PartnerShare Share { get; init; }

    /// <summary>Whole-body total service expenditure, gross, from the outturn return (pounds); null when no return.</summary>
    public decimal? OutturnGross { get; init; }

    /// <summary>Whole-body total service expenditure, net, from the outturn return (pounds).</summary>
    public decimal? OutturnNet { get; init; }

    /// <summary>Whole-body income netted off gross to give net (pounds).</summary>
    public decimal? OutturnIncome { get; init; }

    /// <summary>Whole-body pay (employees) within gross (pounds).</summary>
    public decimal? OutturnEmployees { get; init; }

    /// <summary>Whole-body total service expenditure, net, from the budget return (pounds).</summary>
    public decimal? BudgetNet { get; init; }

    /// <summary>Where the outturn comes from, e.g. "RSX 2023-24, row 182, TOTAL SERVICE EXPENDITURE".</summary>
    public string? OutturnSource { get; init; }

    /// <summary>The sum of the partner's lines in the files published for the year (null when it published none).</summary>
    public decimal? TransactionsTotal { get; init; }

    /// <summary>How many lines that is.</summary>
    public int TransactionLines { get; init; }

    /// <summary>Which months of the year have lines.</summary>
    public required MonthsLoaded Months { get; init; }

    /// <summary>Lines in the year's files dated outside the year (card lines of the previous month, late entries).</summary>
    public int OutOfYearLines { get; init; }

    /// <summary>Their sum.</summary>
    public decimal OutOfYearTotal { get; init; }

    /// <summary>The partner's publication threshold as stated, e.g. "spend over £250".</summary>
    public string? Threshold { get; init; }

    /// <summary>What the package says is missing for this partner.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];
}
