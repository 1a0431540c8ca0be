namespace TotalPlace.Reports.Html;

/// <summary>A table; <paramref name="NumericColumns"/> are right-aligned; an optional footer row holds totals.</summary>
public sealed record TableBlock(
    string Caption,
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlySet<int> NumericColumns,
    IReadOnlyList<string>? Footer = null) : DocumentBlock;
