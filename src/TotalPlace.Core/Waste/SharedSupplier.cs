namespace TotalPlace.Core.Waste;

/// <summary>A supplier paid by two or more partners of the place: a joint-procurement opportunity.</summary>
/// <param name="Key">The resolved supplier's key (stable across runs).</param>
/// <param name="Name">The supplier's display name.</param>
/// <param name="Spellings">The published spellings that were resolved into this supplier.</param>
/// <param name="Total">All partners' payments to it, net of credits.</param>
/// <param name="ByPartner">Totals by partner, largest first.</param>
/// <param name="ByExpenseType">Totals by expense type as published, largest first.</param>
/// <param name="ByYear">Totals by fiscal year ("2024-25"), oldest first.</param>
/// <param name="EstimatedSaving">Total × the assumed saving rate of joint procurement (see <see cref="SharedSupplierAnalysis"/>).</param>
public sealed record SharedSupplier(
    string Key,
    string Name,
    IReadOnlyList<string> Spellings,
    decimal Total,
    IReadOnlyList<PartnerAmount> ByPartner,
    IReadOnlyList<LabelledAmount> ByExpenseType,
    IReadOnlyList<LabelledAmount> ByYear,
    decimal EstimatedSaving)
{
    /// <summary>The supplier's lines.</summary>
    public int Lines { get; init; }

    /// <summary>Lines that carry a contract or purchase-order number.</summary>
    public int LinesWithContract { get; init; }

    /// <summary>Distinct contract numbers, counted per partner (two partners' "C-101" are two contracts); 0 when no
    /// line carries one, which means "not published", not "no contract".</summary>
    public int Contracts { get; init; }
}
