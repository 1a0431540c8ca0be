namespace TotalPlace.Core.Spending;

/// <summary>Aggregate money with no supplier: a budget, outturn or benefits-paid figure for one agency, theme,
/// funding stream and financial year.</summary>
/// <param name="Agency">The spending agency's name.</param>
/// <param name="Theme">The theme code, or the service as written when no theme is given (classified later).</param>
/// <param name="FundingStream">The named funding stream, e.g. "Dedicated Schools Grant"; may be empty.</param>
/// <param name="Year">The financial year.</param>
/// <param name="Amount">The amount in pounds (cash, not real terms).</param>
/// <param name="Kind">Outturn, budget or benefits paid.</param>
/// <param name="SourceRow">The 1-based row in the source file.</param>
public sealed record SpendStatement(
    string Agency,
    string Theme,
    string FundingStream,
    FiscalYear Year,
    decimal Amount,
    StatementKind Kind = StatementKind.Outturn,
    int SourceRow = 0);
