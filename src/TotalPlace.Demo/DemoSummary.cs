using TotalPlace.Core;

namespace TotalPlace.Demo;

/// <summary>What a demo build stored.</summary>
/// <param name="PlaceCode">The place (E11000001, Greater Manchester).</param>
/// <param name="Partners">Agencies created.</param>
/// <param name="StatementTotals">Statement money by year, exact.</param>
/// <param name="TransactionLines">Spend lines generated.</param>
/// <param name="TransactionTotal">Their exact sum.</param>
/// <param name="Batches">Batches committed (0 when the demo was already in the store).</param>
public sealed record DemoSummary(
    string PlaceCode,
    int Partners,
    IReadOnlyDictionary<FiscalYear, decimal> StatementTotals,
    long TransactionLines,
    decimal TransactionTotal,
    int Batches);
