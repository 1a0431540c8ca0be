namespace TotalPlace.Web.Tables;

/// <summary>A table column: its header and how its values are shown.</summary>
public sealed record DataColumn(string Header, CellKind Kind = CellKind.Text, string? SortKey = null);
