using TotalPlace.Core.Places;

namespace TotalPlace.Demo;

/// <summary>A partner of the demo place: the agency, its statements and the shape of its published spend files.</summary>
internal sealed record DemoPartner(
    Agency Agency,
    string Slug,
    string Body,
    string ReferencePrefix,
    decimal Threshold,
    decimal MedianLine,
    double TransactionShare,
    DemoStatementLine[] Statements,
    DemoSpendArea[] Areas);
