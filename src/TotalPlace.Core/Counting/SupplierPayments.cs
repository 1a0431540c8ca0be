namespace TotalPlace.Core.Counting;

/// <summary>What one partner paid one supplier (as written) in the year: the input of flow finding.</summary>
/// <param name="PartnerKey">The paying partner.</param>
/// <param name="Supplier">The supplier name as published.</param>
/// <param name="Amount">The sum of the lines (pounds).</param>
/// <param name="Lines">How many lines.</param>
public sealed record SupplierPayments(string PartnerKey, string Supplier, decimal Amount, int Lines);
