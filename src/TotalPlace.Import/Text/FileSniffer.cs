using System.Globalization;
using System.Text;
using ExcelDataReader;
using nietras.SeparatedValues;
using TotalPlace.Import.Rows;

namespace TotalPlace.Import.Text;

/// <summary>File-level detection: container format by magic bytes, delimiter by consistent counts outside quotes,
/// and the reading of sample records and workbook sheets.</summary>
internal static class FileSniffer
{
    public static SpendFileFormat? DetectFormat(ReadOnlySpan<byte> start, out string? unsupported)
    {
        unsupported = null;
        if (start.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return SpendFileFormat.Xls;
        }

        if (start.StartsWith("PK\u0003\u0004"u8))
        {
            return SpendFileFormat.Xlsx;
        }

        var head = Encoding.ASCII.GetString(start[..Math.Min(start.Length, 512)]).TrimStart('\uFEFF', ' ', '\r', '\n', '\t', '?');
        if (head.StartsWith("<html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) ||
            head.StartsWith("<table", StringComparison.OrdinalIgnoreCase))
        {
            unsupported = "the file is an HTML page (an Excel 'web page' save or a download error page), not a spreadsheet or CSV; open it in Excel and save it as .xlsx or .csv";
            return null;
        }

        if (start.StartsWith("%PDF"u8))
        {
            unsupported = "the file is a PDF; spend data must be a CSV or Excel file";
            return null;
        }

        return SpendFileFormat.Csv;
    }

    public static char DetectDelimiter(string sample)
    {
        ReadOnlySpan<char> candidates = [',', ';', '\t', '|'];
        var counts = new List<int[]>();
        var current = new int[candidates.Length];
        var inQuotes = false;
        var lineHasContent = false;
        foreach (var c in sample)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && (c == '\n' || c == '\r'))
            {
                if (lineHasContent)
                {
                    counts.Add(current);
                    if (counts.Count >= 200)
                    {
                        break;
                    }
                }

                current = new int[candidates.Length];
                lineHasContent = false;
            }
            else if (!inQuotes)
            {
                var k = candidates.IndexOf(c);
                if (k >= 0)
                {
                    current[k]++;
                }
                else if (!char.IsWhiteSpace(c))
                {
                    lineHasContent = true;
                }
            }
        }

        if (lineHasContent)
        {
            counts.Add(current);
        }

        var best = ',';
        var bestScore = 0L;
        for (var k = 0; k < candidates.Length; k++)
        {
            var byCount = counts.Where(c => c[k] > 0).GroupBy(c => c[k]).Select(g => (Count: g.Key, Lines: g.Count())).ToList();
            if (byCount.Count == 0)
            {
                continue;
            }

            var mode = byCount.OrderByDescending(g => g.Lines).ThenByDescending(g => g.Count).First();
            var score = (mode.Lines * 1000L) + mode.Count;
            if (score > bestScore)
            {
                best = candidates[k];
                bestScore = score;
            }
        }

        return best;
    }

    public static SepReader OpenSep(TextReader reader, char delimiter) =>
        Sep.New(delimiter).Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Unescape = true }).From(reader);

    public static List<RawRecord> ReadRecords(string text, char delimiter, int maxRecords, bool dropLast) =>
        ReadRecords(text, delimiter, maxRecords, dropLast, out _);

    /// <summary>Reads records; a row beyond the CSV reader's 16 MiB buffer (a quote never closed, or a hostile field)
    /// stops the read and sets <paramref name="tooLongAfter"/> to the line of the last record read (0 for none).</summary>
    public static List<RawRecord> ReadRecords(string text, char delimiter, int maxRecords, bool dropLast, out int? tooLongAfter)
    {
        tooLongAfter = null;
        var records = new List<RawRecord>();
        using var reader = OpenSep(new StringReader(text), delimiter);
        while (true)
        {
            try
            {
                if (!reader.MoveNext())
                {
                    break;
                }
            }
            catch (NotSupportedException)
            {
                tooLongAfter = records.Count == 0 ? 0 : records[^1].Line;
                return records;
            }

            var row = reader.Current;
            var cells = new string[row.ColCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row[i].ToString();
            }

            records.Add(new RawRecord(SepRawRow.LineOf(row), cells));
            if (records.Count >= maxRecords)
            {
                return records;
            }
        }

        if (dropLast && records.Count > 0)
        {
            records.RemoveAt(records.Count - 1);
        }

        return records;
    }

    /// <summary>Every sheet of a workbook as text records (sheet row numbers are 1-based).</summary>
    public static List<(string Sheet, List<RawRecord> Records)> ReadWorkbook(Stream stream)
    {
        TextSniffer.EnsureCodePages();
        var sheets = new List<(string, List<RawRecord>)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long cellsRead = 0;
        using var reader = ExcelReaderFactory.CreateReader(stream);
        do
        {
            var records = new List<RawRecord>();
            var row = 0;
            var sheet = reader.Name ?? $"Sheet{sheets.Count + 1}";
            while (reader.Read())
            {
                row++;
                cellsRead += Math.Max(1, reader.FieldCount);
                if (row > SpendFileLimits.MaxSheetRows || cellsRead > SpendFileLimits.MaxWorkbookCells || ((row & 0x3FF) == 0 && clock.Elapsed > SpendFileLimits.MaxWorkbookReadTime))
                {
                    throw new WorkbookLimitException(
                        row > SpendFileLimits.MaxSheetRows
                            ? string.Create(CultureInfo.InvariantCulture, $"sheet '{sheet}' has more than {SpendFileLimits.MaxSheetRows:N0} rows, the most a spreadsheet sheet can hold; the workbook is refused")
                            : cellsRead > SpendFileLimits.MaxWorkbookCells
                                ? string.Create(CultureInfo.InvariantCulture, $"the workbook spans more than {SpendFileLimits.MaxWorkbookCells:N0} cells (reached at sheet '{sheet}' row {row}); a workbook is read whole, so one this large is refused: save it as CSV, which is read as a stream")
                                : $"the workbook took longer than {SpendFileLimits.MaxWorkbookReadTime.TotalMinutes:N0} minutes to read (at sheet '{sheet}' row {row}); it is refused as too large to read",
                        row,
                        string.Empty);
                }

                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = CellText(reader.GetValue(i));
                    if (cells[i].Length > SpendFileLimits.MaxCellChars)
                    {
                        throw new WorkbookLimitException(
                            string.Create(CultureInfo.InvariantCulture, $"sheet '{sheet}' row {row} column {i + 1}: the cell holds {cells[i].Length:N0} characters, more than the {SpendFileLimits.MaxCellChars:N0} a spreadsheet cell can hold; the workbook is refused"),
                            row,
                            $"column {i + 1}");
                    }
                }

                records.Add(new RawRecord(row, cells));
            }

            sheets.Add((sheet, records));
        }
        while (reader.NextResult());

        return sheets;
    }

    private static string CellText(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        double d => DoubleText(d),
        float f => DoubleText(f),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string DoubleText(double d)
    {
        if (double.IsFinite(d) && Math.Abs(d) < 7.9e27)
        {
            // decimal keeps 15 significant digits, which drops binary residue such as 1234.5600000000002; rounding to
            // 6 places clears near-zero residue (6.82121E-13) while keeping three-decimal-place amounts.
            return Math.Round((decimal)d, 6, MidpointRounding.ToEven).ToString(CultureInfo.InvariantCulture);
        }

        return d.ToString("R", CultureInfo.InvariantCulture);
    }
}
