namespace TotalPlace.Core.Counting;

/// <summary>Which side of an official return's service line a figure is: what was spent, what came back as income,
/// or the difference. Kept apart because coverage compares lines with gross spend, while net is what taxpayers fund.</summary>
public enum StatementMeasure
{
    /// <summary>Gross expenditure (RSX column C3: employees plus running expenses).</summary>
    Gross = 0,

    /// <summary>Income netted off (RSX column C6: sales, fees and charges plus other income).</summary>
    Income,

    /// <summary>Net current expenditure (RS, RSX column C7, RA).</summary>
    Net,

    /// <summary>Pay: the employees part of gross expenditure (RSX column C1), which is never published line by line.</summary>
    Employees,
}
