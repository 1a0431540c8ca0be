using MiniExcelLibs;

namespace TotalPlace.Web.Tests.Appraisal;

/// <summary>Reads the appraisal workbook the way a person does: a figure beside its label, a table under its header
/// row (the workbook lays its sheets out for reading and live formulas, not as one header row per sheet).</summary>
internal static class WorkbookCells
{
    private static List<List<object?>> Rows(string path, string sheet) =>
        [.. MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList())];

    private static bool IsText(object? cell, string text) => cell is string s && s.Trim() == text;

    /// <summary>The first number after the cell whose text is <paramref name="label"/>.</summary>
    public static object Beside(string path, string sheet, string label)
    {
        var row = Rows(path, sheet).First(r => r.Any(c => IsText(c, label)));
        return row.SkipWhile(c => !IsText(c, label)).Skip(1).First(c => c is not null and not string)!;
    }

    /// <summary>The rows under the first row holding <paramref name="header"/>, while that column is filled, keyed by the
    /// header row's texts.</summary>
    public static List<Dictionary<string, object?>> Table(string path, string sheet, string header)
    {
        var rows = Rows(path, sheet);
        var at = rows.FindIndex(r => r.Any(c => IsText(c, header)));
        var headers = rows[at];
        var column = headers.FindIndex(c => IsText(c, header));
        return [.. rows.Skip(at + 1)
            .TakeWhile(r => column < r.Count && r[column] is not null && !(r[column] is string s && s.Length == 0))
            .Select(r => headers.Select((h, i) => (Name: (h as string)?.Trim(), Value: i < r.Count ? r[i] : null))
                .Where(p => p.Name is { Length: > 0 })
                .GroupBy(p => p.Name!)
                .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal))];
    }
}
