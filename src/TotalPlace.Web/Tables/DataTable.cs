namespace TotalPlace.Web.Tables;

/// <summary>
/// A table as shown on a page and as exported: every table in the UI is one of these, rendered by the
/// <c>_DataTable</c> partial and exported by <see cref="TableExport"/>, so what people see is what they export.
/// </summary>
/// <param name="Id">A short name, unique on its page; the export file is named after it.</param>
/// <param name="Caption">The caption read by screen readers and printed above the table.</param>
/// <param name="Note">A line under the table, e.g. "showing 50 of 1,204".</param>
public sealed record DataTable(
    string Id,
    string Caption,
    IReadOnlyList<DataColumn> Columns,
    IReadOnlyList<IReadOnlyList<DataCell>> Rows,
    string? Note = null);
