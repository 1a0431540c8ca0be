namespace TotalPlace.Core.Counting;

/// <summary>One line of a place's count ledger: the figure counted for a partner (or taken out for flows), where it
/// comes from and why that source was chosen.</summary>
/// <param name="Partner">The partner's name, or "Flows between partners".</param>
/// <param name="Whole">The whole-body figure before the share (pounds).</param>
/// <param name="Share">The share applied; null for an elimination.</param>
/// <param name="Counted">What counts for the place (pounds, to the penny).</param>
/// <param name="Source">"statement", "lines", "eliminated" or "none".</param>
/// <param name="Why">Which figure of which source and why it was chosen.</param>
public sealed record LedgerEntry(string Partner, decimal Whole, PartnerShare? Share, decimal Counted, string Source, string Why);
