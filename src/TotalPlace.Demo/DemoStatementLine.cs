using TotalPlace.Core.Spending;

namespace TotalPlace.Demo;

/// <summary>One line of a partner's annual statement, in £ millions of the base year before scaling.</summary>
internal sealed record DemoStatementLine(string Theme, string FundingStream, decimal Millions, StatementKind Kind = StatementKind.Outturn);
