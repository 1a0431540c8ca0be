namespace TotalPlace.Core.Waste;

/// <summary>A kind of service that several partners in the place buy separately.</summary>
/// <param name="Theme">The theme the lines were classified into (or "unclassified").</param>
/// <param name="ExpenseType">The expense type, normalised for grouping, shown in the spelling most used.</param>
/// <param name="Total">All partners' spend on it.</param>
/// <param name="ByPartner">Spend by partner, largest first.</param>
/// <param name="Overlap">The spend of every partner but the largest: the money a single commissioner could bring together.</param>
/// <param name="Suppliers">How many distinct resolved suppliers the partners use for it.</param>
public sealed record ServiceOverlap(
    string Theme,
    string ExpenseType,
    decimal Total,
    IReadOnlyList<PartnerAmount> ByPartner,
    decimal Overlap,
    int Suppliers);
