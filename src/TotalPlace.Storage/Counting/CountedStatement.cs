namespace TotalPlace.Storage.Counting;

/// <summary>One statement line the place map counts (outturn, benefits paid, or a budget where there is no outturn),
/// as drill-down lists it behind a figure that comes from statements.</summary>
/// <param name="BatchId">The batch holding it.</param>
/// <param name="FileName">The batch's file (for a package's top-down count, "top-down count 2023-24").</param>
/// <param name="Agency">The agency it is counted under.</param>
/// <param name="Service">The service line as written.</param>
/// <param name="Theme">Its theme code.</param>
/// <param name="Kind">Outturn, Budget or BenefitsPaid.</param>
/// <param name="Year">The financial year's start year.</param>
/// <param name="Amount">Pounds.</param>
/// <param name="SourceRow">The row of the file or return it came from (0 when made, e.g. a flow taken out).</param>
public sealed record CountedStatement(long BatchId, string FileName, string Agency, string Service, string Theme, string Kind, int Year, decimal Amount, int SourceRow);
