using TotalPlace.Core.Counting;
using TotalPlace.Core.Spending;

namespace TotalPlace.Import.Official;

/// <summary>MHCLG Revenue Outturn Service Expenditure Summary (RSX): per service, employees (C1), total expenditure
/// (C3, gross), total income (C6) and net current expenditure (C7), £ thousand, one row per authority.</summary>
public sealed class RevenueOutturnServiceExpenditure : OfficialReturn
{
    /// <inheritdoc/>
    public override string Code => "RSX";

    /// <inheritdoc/>
    public override StatementKind Kind => StatementKind.Outturn;

    /// <inheritdoc/>
    public override IReadOnlyList<ReturnColumn> Columns { get; } =
    [
        .. MhclgServices.Lines.Append(new MhclgService("totsx", MhclgServices.TotalService, "", "servicetot"))
            .SelectMany(s => new[]
            {
                new ReturnColumn($"RSX-{s.Code}-empl", s.Service, s.Theme, StatementMeasure.Employees, s.Code == "totsx"),
                new ReturnColumn($"RSX-{s.Code}-tot-exp", s.Service, s.Theme, StatementMeasure.Gross, s.Code == "totsx"),
                new ReturnColumn($"RSX-{s.Code}-tot-inc", s.Service, s.Theme, StatementMeasure.Income, s.Code == "totsx"),
                new ReturnColumn($"RSX-{s.Code}-net-cur-exp", s.Service, s.Theme, StatementMeasure.Net, s.Code == "totsx"),
            }),
    ];
}
