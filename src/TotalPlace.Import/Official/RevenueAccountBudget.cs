using TotalPlace.Core.Counting;
using TotalPlace.Core.Spending;

namespace TotalPlace.Import.Official;

/// <summary>MHCLG Revenue Account budget (RA) Part 1: budgeted net current expenditure by service (the "…tot" lines)
/// and total service expenditure (line 799, "servicetot"), £ thousand, one row per authority.</summary>
public sealed class RevenueAccountBudget : OfficialReturn
{
    /// <inheritdoc/>
    public override string Code => "RA";

    /// <inheritdoc/>
    public override StatementKind Kind => StatementKind.Budget;

    /// <inheritdoc/>
    public override IReadOnlyList<ReturnColumn> Columns { get; } =
    [
        .. MhclgServices.Lines.Select(s => new ReturnColumn(s.BudgetCode, s.Service, s.Theme, StatementMeasure.Net)),
        new("servicetot", MhclgServices.TotalService, "", StatementMeasure.Net, IsTotal: true),
    ];
}
