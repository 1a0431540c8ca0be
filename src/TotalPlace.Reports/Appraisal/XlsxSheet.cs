using System.Globalization;

namespace TotalPlace.Reports.Appraisal;

/// <summary>One worksheet being built: cells by (row, column), each a text, a number, or a formula with its cached value.</summary>
internal sealed class XlsxSheet(string name)
{
    private readonly SortedDictionary<int, SortedDictionary<int, XlsxCell>> _rows = [];

    public string Name { get; } = name;

    public Dictionary<int, double> ColumnWidths { get; } = [];

    public int FrozenRows { get; set; }

    public IEnumerable<KeyValuePair<int, SortedDictionary<int, XlsxCell>>> Rows => _rows;

    public void Text(int row, int column, string? text, XlsxStyle style = XlsxStyle.Default)
    {
        if (text is not null)
        {
            Set(row, column, new XlsxCell(text, null, null, style));
        }
    }

    public void Number(int row, int column, decimal? value, XlsxStyle style = XlsxStyle.Default)
    {
        if (value is { } v)
        {
            Set(row, column, new XlsxCell(null, v, null, style));
        }
    }

    /// <summary>A formula (without the leading "="), with the value the engine computed as its cached result.</summary>
    public void Formula(int row, int column, string formula, decimal? cached, XlsxStyle style = XlsxStyle.Default) =>
        Set(row, column, new XlsxCell(null, cached, formula, style));

    /// <summary>A formula whose cached result is text (e.g. "none", "n/a").</summary>
    public void TextFormula(int row, int column, string formula, string cached, XlsxStyle style = XlsxStyle.Default) =>
        Set(row, column, new XlsxCell(cached, null, formula, style));

    private void Set(int row, int column, XlsxCell cell)
    {
        if (!_rows.TryGetValue(row, out var cells))
        {
            _rows[row] = cells = [];
        }

        cells[column] = cell;
    }

    /// <summary>"A1"-style reference; <paramref name="absolute"/> adds the dollars.</summary>
    public static string Ref(int row, int column, bool absolute = false) =>
        absolute ? $"${Column(column)}${row.ToString(CultureInfo.InvariantCulture)}" : Column(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>A reference into another sheet, always absolute: <c>'By agency'!$B$2</c>.</summary>
    public static string Ref(string sheet, int row, int column) => $"{Quote(sheet)}!{Ref(row, column, absolute: true)}";

    /// <summary>A range in another sheet, always absolute.</summary>
    public static string Range(string sheet, int row1, int column1, int row2, int column2) =>
        $"{Quote(sheet)}!{Ref(row1, column1, absolute: true)}:{Ref(row2, column2, absolute: true)}";

    public static string Column(int column)
    {
        var name = "";
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + ((c - 1) % 26)) + name;
        }

        return name;
    }

    private static string Quote(string sheet) => sheet.Contains(' ', StringComparison.Ordinal) ? $"'{sheet}'" : sheet;
}

/// <summary>A cell: text, number, or formula (with cached number or text).</summary>
internal sealed record XlsxCell(string? Text, decimal? Number, string? Formula, XlsxStyle Style);

/// <summary>The few cell formats the workbook uses; the order is the index into the stylesheet's cell formats.</summary>
internal enum XlsxStyle
{
    Default,
    Money,
    Rate,
    Factor,
    Header,
    Input,
    InputMoney,
    InputRate,
    Title,
    Note,
    Count,
}
