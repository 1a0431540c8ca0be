namespace TotalPlace.Demo;

/// <summary>A synthetic supplier: a canonical name, a company number (or none), and its trade.</summary>
internal sealed record DemoSupplier(string Name, string? CompanyNumber, SupplierTrade Trade);
