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
/// <param name="Eliminated">The place's part taken out: the payer's share of <paramref name="Amount"/>, to the penny.</param>
public sealed record InterPartnerFlow(
    string PayerKey,
    string PayerName,
    string PayeeKey,
    string PayeeName,
    string SupplierAsWritten,
    decimal Amount,
    int Lines,
    decimal Eliminated);
