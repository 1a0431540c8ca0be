namespace TotalPlace.Core.Partnership.Tracking;

/// <summary>The interim or final report on an offer: outcome progress with RAG status, and spend against the pool.</summary>
/// <param name="Kind">Interim or final.</param>
/// <param name="AsOf">The report date; actuals after it are not counted.</param>
/// <param name="Outcomes">Progress per outcome, in offer order.</param>
/// <param name="Pool">Spend against the pool per year that has started by the report date.</param>
public sealed record ProgressReport(ReportKind Kind, DateOnly AsOf, IReadOnlyList<OutcomeProgress> Outcomes, IReadOnlyList<PoolYearPosition> Pool)
{
    /// <summary>The pool budget over the years reported.</summary>
    public Money Budget => Money.Sum(Pool.Select(p => p.Budget));

    /// <summary>Spend over the years reported.</summary>
    public Money Spent => Money.Sum(Pool.Select(p => p.Spent));

    /// <summary>How many outcomes have each status.</summary>
    public int Count(Rag status) => Outcomes.Count(o => o.Status == status);
}
