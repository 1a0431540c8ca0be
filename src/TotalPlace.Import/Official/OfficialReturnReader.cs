using System.Globalization;
using System.Security.Cryptography;
using TotalPlace.Core;
using TotalPlace.Core.Counting;
using TotalPlace.Import.Rows;
using TotalPlace.Import.Text;

namespace TotalPlace.Import.Official;

/// <summary>Reads a whole national official return (one row per authority) and keeps the rows of the bodies asked
/// for, selected by their code. Columns are found by the return's asset codes (the hidden code row), the header by
/// its code column; England and class-total rows below the authorities are never read as bodies.</summary>
public static class OfficialReturnReader
{
    /// <summary>Reads <paramref name="content"/> as <paramref name="layout"/> for the year, keeping the rows of
    /// <paramref name="bodyCodes"/> (all bodies when empty). Never throws for bad data.</summary>
    public static OfficialReturnResult Read(OfficialReturn layout, string fileName, byte[] content, FiscalYear year, IReadOnlyCollection<string> bodyCodes, string? sheet = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(bodyCodes);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var errors = new List<ImportError>();
        var records = Load(layout, fileName, content, sheet, errors);
        if (errors.Count > 0)
        {
            return new OfficialReturnResult(fileName, sha, layout.Code, [], 0, [.. bodyCodes], [], errors);
        }

        var codeRowIndex = records.FindIndex(r => layout.Columns.Any(c => r.Cells.Any(cell => string.Equals(cell.Trim(), c.Code, StringComparison.OrdinalIgnoreCase))));
        var headerIndex = records.FindIndex(r => r.Cells.Any(cell => string.Equals(cell.Trim(), layout.CodeHeader, StringComparison.OrdinalIgnoreCase)));
        if (codeRowIndex < 0 || headerIndex < 0)
        {
            errors.Add(new ImportError(fileName, 0, string.Empty, string.Empty,
                codeRowIndex < 0 ? $"no row of {layout.Code} asset codes (e.g. '{layout.Columns[0].Code}') was found: this is not a {layout.Code} return"
                                 : $"no header with a '{layout.CodeHeader}' column was found"));
            return new OfficialReturnResult(fileName, sha, layout.Code, [], 0, [.. bodyCodes], [], errors);
        }

        var header = records[headerIndex].Cells;
        var codeColumn = Array.FindIndex(header, h => string.Equals(h.Trim(), layout.CodeHeader, StringComparison.OrdinalIgnoreCase));
        var nameColumn = codeColumn + 1;
        var assetRow = records[codeRowIndex].Cells;
        var columns = new List<(ReturnColumn Column, int Index)>();
        foreach (var column in layout.Columns)
        {
            var index = Array.FindIndex(assetRow, a => string.Equals(a.Trim(), column.Code, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                errors.Add(new ImportError(fileName, records[codeRowIndex].Line, column.Code, string.Empty, $"the {layout.Code} column '{column.Code}' is missing from the code row"));
            }
            else
            {
                columns.Add((column, index));
            }
        }

        var wanted = new HashSet<string>(bodyCodes.Select(c => c.Trim()), StringComparer.OrdinalIgnoreCase);
        var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var statements = new List<OfficialStatement>();
        var notReported = new List<ImportError>();
        var bodies = 0;
        for (var i = headerIndex + 1; i < records.Count; i++)
        {
            var cells = records[i].Cells;
            var code = codeColumn < cells.Length ? cells[codeColumn].Trim() : string.Empty;
            if (string.Equals(code, layout.CodeHeader, StringComparison.OrdinalIgnoreCase) || code == EnglandCode)
            {
                break; // the England row, then a second table of class totals: never bodies
            }

            if (code.Length == 0)
            {
                continue; // a blank or note line; bodies without a GSS code (Lee Valley: "E6803") are still bodies
            }

            bodies++;
            if (wanted.Count > 0 && !wanted.Contains(code))
            {
                continue;
            }

            if (!found.Add(code))
            {
                errors.Add(new ImportError(fileName, records[i].Line, layout.CodeHeader, code, $"the code {code} appears twice in the return"));
                continue;
            }

            var name = nameColumn < cells.Length ? cells[nameColumn].Trim() : code;
            foreach (var (column, index) in columns)
            {
                var text = index < cells.Length ? cells[index].Trim() : string.Empty;
                var headerText = HeaderText(header, index, fileName, layout);
                if (!TryParseUnits(text, out var units))
                {
                    notReported.Add(new ImportError(fileName, records[i].Line, headerText, text, $"{code} has no figure here (blank or marked); not counted"));
                    continue;
                }

                statements.Add(new OfficialStatement(code, name, layout.Code, column.Code, column.Service, column.Theme, column.Measure, layout.Kind, year,
                    units * layout.PoundsPerUnit, column.IsTotal, records[i].Line, headerText));
            }
        }

        var notFound = wanted.Where(w => !found.Contains(w)).Order(StringComparer.Ordinal).ToList();
        return new OfficialReturnResult(fileName, sha, layout.Code, statements, bodies, notFound, notReported, errors);
    }

    private const string EnglandCode = "E92000001";

    private static string HeaderText(string[] header, int index, string fileName, OfficialReturn layout)
    {
        var text = index < header.Length ? header[index].ReplaceLineEndings(" ").Trim() : string.Empty;
        var isWorkbook = layout.Sheet is not null && !fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        return isWorkbook ? $"{ColumnLetter(index)} {text}".Trim() : text.Length > 0 ? text : $"column {index + 1}";
    }

    private static string ColumnLetter(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <summary>"1,170,455", "-166", "39850043.25" are numbers; "", "...", "[x]", "Category discontinued" are not.</summary>
    private static bool TryParseUnits(string text, out decimal value) =>
        decimal.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    private static List<RawRecord> Load(OfficialReturn layout, string fileName, byte[] content, string? sheet, List<ImportError> errors)
    {
        var format = FileSniffer.DetectFormat(content.AsSpan(0, Math.Min(content.Length, 1 << 16)), out var unsupported);
        if (format is null)
        {
            errors.Add(new ImportError(fileName, 0, string.Empty, string.Empty, unsupported ?? "not a CSV or workbook"));
            return [];
        }

        if (format == SpendFileFormat.Csv)
        {
            var text = TextSniffer.Detect(content);
            var decoded = text.Encoding.GetString(content, text.PreambleLength, content.Length - text.PreambleLength);
            return FileSniffer.ReadRecords(decoded, FileSniffer.DetectDelimiter(decoded), int.MaxValue, dropLast: false);
        }

        var wantedSheet = sheet ?? layout.Sheet;
        List<(string Sheet, List<RawRecord> Records)> sheets;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            sheets = FileSniffer.ReadWorkbook(stream);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ExcelDataReader.Exceptions.ExcelReaderException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            errors.Add(new ImportError(fileName, 0, string.Empty, string.Empty, $"the workbook cannot be read: {ex.Message}"));
            return [];
        }

        var match = wantedSheet is null ? sheets.FirstOrDefault()
            : sheets.FirstOrDefault(s => string.Equals(s.Sheet, wantedSheet, StringComparison.OrdinalIgnoreCase)) is { Sheet: not null } exact ? exact
            : sheets.FirstOrDefault(s => s.Sheet.StartsWith(wantedSheet, StringComparison.OrdinalIgnoreCase));
        if (match.Records is null)
        {
            errors.Add(new ImportError(fileName, 0, string.Empty, wantedSheet ?? string.Empty, $"the workbook has no sheet '{wantedSheet}' (sheets: {string.Join(", ", sheets.Select(s => s.Sheet))})"));
            return [];
        }

        return match.Records;
    }
}
