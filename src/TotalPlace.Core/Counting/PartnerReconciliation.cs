namespace TotalPlace.Core.Counting;

/// <summary>One partner's two counts side by side for one year: whole-body and the place's share, with coverage and
/// the named reasons lines and outturn differ.</summary>
/// <param name="Partner">The partner's figures as counted.</param>
/// <param name="Coverage">The part of the gross outturn its published lines explain (whole body both sides); null
/// when either side is missing.</param>
/// <param name="NonPayCoverage">The same against gross less pay, which is never published line by line.</param>
/// <param name="TopDown">The place's share of the gross outturn, to the penny (0 when no outturn).</param>
/// <param name="BottomUp">The place's share of the lines, to the penny (0 when no lines).</param>
/// <param name="BudgetVariance">Net outturn less net budget, whole body; null when either is missing.</param>
/// <param name="Reasons">Why lines and outturn differ, each reason named and, where the returns allow, measured.</param>
public sealed record PartnerReconciliation(
    CountedPartner Partner,
    decimal? Coverage,
    decimal? NonPayCoverage,
    decimal TopDown,
    decimal BottomUp,
    decimal? BudgetVariance,
    IReadOnlyList<string> Reasons);
