namespace TotalPlace.Storage;

/// <summary>Which stored money the place map counts.</summary>
/// <remarks>Statements (outturn, budgets, benefits paid) are the whole-place picture; transactions (spend over £500
/// or £25,000) are supplier-level detail of part of the same money. Adding both would count that part twice, so the
/// default, <see cref="Combined"/>, takes statements where an agency has them for a year and its transactions
/// only for the agency-years with no statement.</remarks>
public enum MapSource
{
    /// <summary>For each agency and financial year: its statements when it has any, otherwise its transactions.
    /// Within statements, outturn and benefits paid are counted; budgets only when the agency-year has no outturn.</summary>
    Combined = 0,

    /// <summary>Statements only, with the same outturn-over-budget rule.</summary>
    Statements,

    /// <summary>Transactions only: the supplier-level detail. Its grand total equals the sum of every stored line.</summary>
    Transactions,
}
