using TotalPlace.Core.Spending;

namespace TotalPlace.Core.Counting;

/// <summary>One figure of an official return (MHCLG RS, RSX, RA…) for one body: a service line's gross, income, net or
/// pay, in pounds, with the cell it came from.</summary>
/// <param name="BodyCode">The body's code as the return writes it (a GSS code such as E07000120).</param>
/// <param name="BodyName">The body's name as the return writes it.</param>
/// <param name="Return">The return's short name, e.g. "RS", "RSX", "RA".</param>
/// <param name="LineCode">The return's own code for the figure (the asset code, e.g. "RSX-totsx-tot-exp").</param>
/// <param name="Service">The service line as published, e.g. "Police services".</param>
/// <param name="Theme">The theme code the service line maps to.</param>
/// <param name="Measure">Gross, income, net or employees.</param>
/// <param name="Kind">Outturn or budget.</param>
/// <param name="Year">The financial year.</param>
/// <param name="Amount">Pounds (the return's £ thousand multiplied exactly by 1,000).</param>
/// <param name="IsTotal">True for the return's whole-body total (total service expenditure), which is not added to its lines.</param>
/// <param name="SourceRow">The 1-based row in the file or sheet.</param>
/// <param name="SourceColumn">The column as published (its header, or letter for a workbook).</param>
public sealed record OfficialStatement(
    string BodyCode,
    string BodyName,
    string Return,
    string LineCode,
    string Service,
    string Theme,
    StatementMeasure Measure,
    StatementKind Kind,
    FiscalYear Year,
    decimal Amount,
    bool IsTotal,
    int SourceRow,
    string SourceColumn);
