namespace TotalPlace.Core.Waste;

/// <summary>One distinct supplier as a partner published it: the unit that supplier resolution clusters.</summary>
/// <param name="Agency">The partner that published the name (vendor numbers are only comparable within one partner).</param>
/// <param name="Name">The supplier name as published.</param>
/// <param name="SupplierId">The published supplier id (company number, charity number or the partner's vendor number), if any.</param>
public sealed record SupplierEntry(string Agency, string Name, string? SupplierId = null);
