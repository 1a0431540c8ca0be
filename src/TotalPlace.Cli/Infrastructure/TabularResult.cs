namespace TotalPlace.Cli.Infrastructure;

/// <summary>A command's result as columns and rows, so that one renderer writes it as a table, CSV or JSON.</summary>
/// <param name="Title">A caption for the table (not written to CSV or JSON).</param>
/// <param name="Columns">The columns, in order.</param>
/// <param name="Rows">The cells of each row: string, decimal, long, int, DateOnly or null.</param>
/// <param name="Footer">A closing line under the table (e.g. a grand total); not written to CSV or JSON.</param>
public sealed record TabularResult(string? Title, IReadOnlyList<Column> Columns, IReadOnlyList<object?[]> Rows, string? Footer = null)
{
    public static TabularResult Create(string? title, IReadOnlyList<Column> columns, IEnumerable<object?[]> rows, string? footer = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var materialised = rows.ToList();
        foreach (var row in materialised)
        {
            if (row.Length != columns.Count)
            {
                throw new ArgumentException($"Every row must have one cell per column: {columns.Count} columns but a row had {row.Length} cells.", nameof(rows));
            }
        }

        return new TabularResult(title, columns, materialised, footer);
    }
}
