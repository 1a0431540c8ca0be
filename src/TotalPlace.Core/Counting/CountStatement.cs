using TotalPlace.Core.Spending;

namespace TotalPlace.Core.Counting;

/// <summary>One figure of a place's top-down count as the map counts it: a partner's share of one service line of an
/// official return (outturn gross, or budget net), or a flow between partners taken out.</summary>
/// <param name="PartnerKey">The partner the figure belongs to (the payer, for a flow).</param>
/// <param name="Agency">The agency the map shows it under: the partner's name, or <see cref="TopDownCount.FlowsAgency"/>.</param>
/// <param name="Service">The service line as published, with what was taken from it.</param>
/// <param name="Theme">The theme code.</param>
/// <param name="Kind">Outturn or budget (the map never adds a budget to its outturn).</param>
/// <param name="Amount">The place's part, pounds to the penny.</param>
/// <param name="Whole">The whole-body figure it was taken from (pounds).</param>
/// <param name="Source">Where the whole-body figure is: return, row, column; or the flow's supplier as written.</param>
/// <param name="SourceRow">The row of the return (0 for a flow).</param>
public sealed record CountStatement(
    string PartnerKey,
    string Agency,
    string Service,
    string Theme,
    StatementKind Kind,
    decimal Amount,
    decimal Whole,
    string Source,
    int SourceRow);
