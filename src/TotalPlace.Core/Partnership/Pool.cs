namespace TotalPlace.Core.Partnership;

/// <summary>The money the partners put together for an offer, pooled or aligned.</summary>
/// <param name="Kind">Pooled (one fund) or aligned (each keeps its budget).</param>
/// <param name="AccountableBody">The partner that holds and accounts for a pooled fund; for an aligned budget, the lead partner.</param>
/// <param name="StatedTotals">The pool's size per year as agreed; contributions must add up to it.</param>
/// <param name="Contributions">Each partner's contribution per year.</param>
/// <param name="RiskShare">How overspends are shared.</param>
/// <param name="SavingsShare">How savings are shared back.</param>
public sealed record Pool(
    PoolKind Kind,
    string? AccountableBody,
    IReadOnlyDictionary<FiscalYear, Money> StatedTotals,
    IReadOnlyList<Contribution> Contributions,
    ShareRule RiskShare,
    ShareRule SavingsShare)
{
    /// <summary>The years that have a stated total or a contribution, in order.</summary>
    public IReadOnlyList<FiscalYear> Years =>
        StatedTotals.Keys.Concat(Contributions.Select(c => c.Year)).Distinct().Order().ToList();

    /// <summary>The sum of all contributions (cash and in kind) in a year.</summary>
    public Money ContributedIn(FiscalYear year) =>
        Money.Sum(Contributions.Where(c => c.Year == year).Select(c => c.Total));

    /// <summary>A partner's contributions over the whole term, cash and in kind.</summary>
    public Money ContributedBy(string partner) =>
        Money.Sum(Contributions.Where(c => string.Equals(c.Partner, partner, StringComparison.Ordinal)).Select(c => c.Total));

    /// <summary>All contributions over the whole term.</summary>
    public Money TotalContributed => Money.Sum(Contributions.Select(c => c.Total));
}
