namespace TotalPlace.Storage;

/// <summary>Spend with one supplier (as published, compared case-insensitively) across the place's transactions.</summary>
/// <param name="Supplier">The supplier name as most often written.</param>
/// <param name="Amount">The exact total paid.</param>
/// <param name="Lines">Transaction lines.</param>
/// <param name="Agencies">How many agencies paid it.</param>
public sealed record SupplierTotal(string Supplier, decimal Amount, long Lines, int Agencies);
