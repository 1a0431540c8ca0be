namespace TotalPlace.Core.Counting;

/// <summary>Money one partner of the place paid to another (a precept, council to county, police to fire, a section 75
/// transfer): counted in the payer's lines and again in what the payee spends, so taken out of the place total once.</summary>
/// <param name="PayerKey">The paying partner's key.</param>
/// <param name="PayerName">The paying partner's name.</param>
/// <param name="PayeeKey">The partner paid.</param>
/// <param name="PayeeName">The partner paid, by name.</param>
/// <param name="SupplierAsWritten">The supplier name in the payer's lines that resolved to the payee.</param>
/// <param name="Amount">The whole-body sum of those lines (pounds).</param>
/// <param name="Lines">How many lines.</param>
/// <param name="Eliminated">The place's part taken out of the top-down count: the payer's share of
/// <paramref name="Amount"/>, to the penny; 0 when the payee's spending is not counted top-down (nothing is counted twice).</param>
public sealed record InterPartnerFlow(
    string PayerKey,
    string PayerName,
    string PayeeKey,
    string PayeeName,
    string SupplierAsWritten,
    decimal Amount,
    int Lines,
    decimal Eliminated)
{
    /// <summary>The part taken out of the bottom-up count: the payer's share when the payee's own lines are counted
    /// too, else 0 (a payment to a partner that publishes no lines is counted once, in the payer's lines).</summary>
    public decimal EliminatedFromLines { get; init; } = Eliminated;

    /// <summary>Why the flow is or is not taken out, in words.</summary>
    public string Note { get; init; } = "taken out of both counts";
}
