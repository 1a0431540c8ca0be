namespace TotalPlace.Core.Partnership;

/// <summary>Who gets what back each year under a pool's savings share rule, and what must move between partners.</summary>
/// <param name="Rule">The rule applied.</param>
/// <param name="Years">The years, in order.</param>
/// <param name="Partners">The partners, in offer order.</param>
/// <param name="Lines">One line per year and partner, in year then partner order.</param>
/// <param name="OutsidePartnership">Benefits to agencies that are not partners: reported, not shared.</param>
public sealed record SavingsDistribution(
    ShareRule Rule,
    IReadOnlyList<FiscalYear> Years,
    IReadOnlyList<string> Partners,
    IReadOnlyList<SavingsShareLine> Lines,
    IReadOnlyList<AgencyFiscalFlow> OutsidePartnership)
{
    /// <summary>The savings shared in a year (the partners' benefits, rounded to the penny).</summary>
    public Money SharedIn(FiscalYear year) => Money.Sum(Lines.Where(l => l.Year == year).Select(l => l.Receives));

    /// <summary>What a partner receives over all years.</summary>
    public Money ReceivedBy(string partner) =>
        Money.Sum(Lines.Where(l => string.Equals(l.Partner, partner, StringComparison.Ordinal)).Select(l => l.Receives));

    /// <summary>The savings that fall in a partner's own budget over all years.</summary>
    public Money AccruedTo(string partner) =>
        Money.Sum(Lines.Where(l => string.Equals(l.Partner, partner, StringComparison.Ordinal)).Select(l => l.Accrues));

    /// <summary>All savings shared over all years.</summary>
    public Money Total => Money.Sum(Lines.Select(l => l.Receives));
}
