namespace TotalPlace.Core.Waste;

/// <summary>Tuning of duplicate-payment detection.</summary>
public sealed record DuplicatePaymentOptions
{
    /// <summary>The default options.</summary>
    public static readonly DuplicatePaymentOptions Default = new();

    /// <summary>Payments further apart than this many days are never paired.</summary>
    public int WindowDays { get; init; } = 90;

    /// <summary>Amounts within this fraction of each other are "near" (0.005 = 0.5%); near amounts also need a similar reference.</summary>
    public decimal NearAmountFraction { get; init; } = 0.005m;

    /// <summary>Amounts within this many pounds are "near" whatever their size.</summary>
    public decimal NearAmountPounds { get; init; } = 1m;

    /// <summary>The score a pair needs to be reported (0 to 1).</summary>
    public double Threshold { get; init; } = 0.6;

    /// <summary>At most this many later payments are compared with each payment, which bounds the cost for suppliers
    /// paid the same amount thousands of times; the nearest in date are compared first.</summary>
    public int MaxComparisonsPerPayment { get; init; } = 64;
}
