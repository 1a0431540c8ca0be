using TotalPlace.Reports.Html;

namespace TotalPlace.Reports.Places;

/// <summary>What the board pack shows, already counted by the store; the report adds no figures of its own but
/// shares and the "other" line, each shown beside its parts.</summary>
/// <param name="PlaceCode">GSS code.</param>
/// <param name="PlaceName">Place name.</param>
/// <param name="Scope">"2023-24" or "all years".</param>
/// <param name="Counted">What money was counted ("combined: statements where an agency-year has them, else transactions").</param>
/// <param name="Total">The grand total.</param>
/// <param name="Lines">Lines counted.</param>
/// <param name="Population">Residents, when known.</param>
/// <param name="ByTheme">Total by theme, largest first.</param>
/// <param name="ByAgency">Total by agency, largest first.</param>
/// <param name="ByYear">Total by financial year, in year order.</param>
public sealed record BoardPackData(
    string PlaceCode,
    string PlaceName,
    string Scope,
    string Counted,
    decimal Total,
    long Lines,
    long? Population,
    IReadOnlyList<BoardPackLine> ByTheme,
    IReadOnlyList<BoardPackLine> ByAgency,
    IReadOnlyList<BoardPackLine> ByYear)
{
    /// <summary>The place's count ledger (published lines against official returns, what is left out and why) when the
    /// place has one; the board pack prints it as given.</summary>
    public TableBlock? CountLedger { get; init; }
}
