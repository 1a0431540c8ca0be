using System.Globalization;
using System.Text;
using MiniExcelLibs;
using nietras.SeparatedValues;

namespace TotalPlace.Web.Tables;

/// <summary>Writes a <see cref="DataTable"/> as CSV (Sep) or Excel (MiniExcel), keeping raw values.</summary>
public static class TableExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The formats offered: "csv" and "xlsx".</summary>
    public static bool IsFormat(string? format) =>
        string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) || string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes the table in the format asked for and returns the bytes, content type and file name.</summary>
    public static (byte[] Bytes, string ContentType, string FileName) Export(DataTable table, string format)
    {
        ArgumentNullException.ThrowIfNull(table);
        return string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? (ToXlsx(table), XlsxContentType, table.Id + ".xlsx")
            : string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
                ? (ToCsv(table), CsvContentType, table.Id + ".csv")
                : throw new ArgumentException($"Export format '{format}' is not offered; use csv or xlsx.", nameof(format));
    }

    /// <summary>UTF-8 with a BOM so Excel opens the £ sign correctly; numbers in invariant form, dates ISO 8601.</summary>
    public static byte[] ToCsv(DataTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var text = new StringWriter();
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(text))
        {
            if (table.Rows.Count == 0)
            {
                text.Write(string.Join(',', table.Columns.Select(c => Quote(c.Header))));
                text.Write("\r\n");
            }

            foreach (var cells in table.Rows)
            {
                using var row = writer.NewRow();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var value = i < cells.Count ? cells[i].Value : null;
                    row[table.Columns[i].Header].Set(value is string cellText ? TotalPlace.Reports.Csv.CsvCell.Text(cellText) : CellFormat.Invariant(value));
                }
            }
        }

        var preamble = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(text.ToString());
        return [.. preamble, .. body];
    }

    /// <summary>One worksheet named after the table; money as numbers, dates as dates.</summary>
    public static byte[] ToXlsx(DataTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        // A System.Data table keeps the header row even when there are no rows, which a list of dictionaries does not.
        using var sheet = new System.Data.DataTable(SheetName(table.Id)) { Locale = CultureInfo.InvariantCulture };
        foreach (var column in table.Columns)
        {
            sheet.Columns.Add(column.Header, ColumnType(column.Kind));
        }

        foreach (var cells in table.Rows)
        {
            var row = sheet.NewRow();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                row[i] = ExcelValue(i < cells.Count ? cells[i].Value : null) ?? DBNull.Value;
            }

            sheet.Rows.Add(row);
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: SheetName(table.Id));
        return stream.ToArray();
    }

    private static object? ExcelValue(object? value) => value switch
    {
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset time => time.UtcDateTime,
        decimal or long or int or double or string or null => value,
        _ => CellFormat.Invariant(value),
    };

    private static Type ColumnType(CellKind kind) => kind switch
    {
        CellKind.Money or CellKind.WholePounds or CellKind.Percent => typeof(decimal),
        CellKind.Date => typeof(DateTime),
        _ => typeof(object),
    };

    private static string SheetName(string id) => id.Length <= 31 ? id : id[..31];

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
