namespace TotalPlace.Core.Counting;

/// <summary>A place counted both ways for one year and reconciled.</summary>
/// <param name="PlaceCode">The place's GSS code.</param>
/// <param name="PlaceName">Its name.</param>
/// <param name="Year">The financial year.</param>
/// <param name="Population">The population the shares rest on; null when unknown.</param>
/// <param name="TotalTopDown">Sum of the partners' shared gross outturn, less the flows taken out.</param>
/// <param name="TotalBottomUp">Sum of the partners' shared lines, less the flows taken out of the lines
/// (<see cref="EliminatedFromLines"/>).</param>
/// <param name="Eliminated">The flows between partners taken out of the top-down count (the payers' shares).</param>
/// <param name="Partners">Each partner's reconciliation, in package order.</param>
/// <param name="Flows">Each flow with both sides.</param>
/// <param name="Ledger">The count ledger: one line per partner and one for the flows.</param>
public sealed record PlaceCount(
    string PlaceCode,
    string PlaceName,
    FiscalYear Year,
    long? Population,
    decimal TotalTopDown,
    decimal TotalBottomUp,
    decimal Eliminated,
    IReadOnlyList<PartnerReconciliation> Partners,
    IReadOnlyList<InterPartnerFlow> Flows,
    IReadOnlyList<LedgerEntry> Ledger)
{
    /// <summary>The ledger's total: what the place spent on the best source for each partner.</summary>
    public decimal LedgerTotal => Ledger.Sum(l => l.Counted);

    /// <summary>The flows taken out of the bottom-up count: only those whose payee's lines are counted too.</summary>
    public decimal EliminatedFromLines => Flows.Sum(f => f.EliminatedFromLines);
}
