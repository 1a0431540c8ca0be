namespace TotalPlace.Core.Waste;

/// <summary>An entry kept out of matching, with the reason: redacted, an individual's name, or no supplier at all.</summary>
public sealed record ExcludedSupplier(SupplierEntry Entry, SupplierEntryKind Kind);
