using TotalPlace.Core.Counting;
using TotalPlace.Core.Spending;

namespace TotalPlace.Import.Official;

/// <summary>MHCLG Revenue Outturn Summary (RS), the sheet named "RS_LA_Data…": net current expenditure by service
/// (lines 190 to 698) and total service expenditure (line 699), £ thousand, one row per authority.</summary>
public sealed class RevenueOutturnSummary : OfficialReturn
{
    /// <inheritdoc/>
    public override string Code => "RS";

    /// <inheritdoc/>
    public override StatementKind Kind => StatementKind.Outturn;

    /// <inheritdoc/>
    public override string? Sheet => "RS_LA_Data";

    /// <inheritdoc/>
    public override IReadOnlyList<ReturnColumn> Columns { get; } =
    [
        .. MhclgServices.Lines.Select(s => new ReturnColumn($"RS-{s.Code}-net-exp", s.Service, s.Theme, StatementMeasure.Net)),
        new("RS-totsx-net-exp", MhclgServices.TotalService, "", StatementMeasure.Net, IsTotal: true),
    ];
}
