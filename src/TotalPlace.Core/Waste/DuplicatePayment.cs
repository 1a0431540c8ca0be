namespace TotalPlace.Core.Waste;

/// <summary>Two payments that look like one bill paid twice, with the evidence.</summary>
/// <param name="Key">A stable key built from the two lines' contents, so a review decision finds it again on later runs.</param>
/// <param name="First">The earlier payment.</param>
/// <param name="Second">The later payment (the one that may be the duplicate).</param>
/// <param name="SupplierKey">The resolved supplier's key.</param>
/// <param name="SupplierName">The resolved supplier's display name.</param>
/// <param name="AmountAtStake">The money paid twice if the pair is a duplicate: the smaller of the two amounts (the
/// excess over one payment of the bill).</param>
/// <param name="Score">The strength of the evidence, 0 to 1.</param>
/// <param name="Reasons">Each piece of evidence in words ("same reference 'INV1234'", "paid 3 days apart").</param>
public sealed record DuplicatePayment(
    string Key,
    PartnerTransaction First,
    PartnerTransaction Second,
    string SupplierKey,
    string SupplierName,
    decimal AmountAtStake,
    double Score,
    IReadOnlyList<string> Reasons)
{
    /// <summary>What ties the two payments to one bill; <see cref="DuplicateEvidence.SameInvoice"/> unless the detector says otherwise.</summary>
    public DuplicateEvidence Evidence { get; init; } = DuplicateEvidence.SameInvoice;
}
