using TotalPlace.Import.Text;

namespace TotalPlace.Import;

/// <summary>The first rows of a file exactly as written, cell by cell, before any header or column is decided: what
/// the import wizard shows so a person can point at the header row, and what a remembered mapping is matched on.</summary>
/// <param name="Sheet">The sheet the rows come from (the first sheet of a workbook); null for CSV.</param>
/// <param name="Rows">The rows, each with its 1-based physical line (as a mapping's header row counts them).</param>
/// <param name="Problem">Why no rows could be read (not a spreadsheet or CSV), or null.</param>
public sealed record RawRows(string? Sheet, IReadOnlyList<RawRow> Rows, string? Problem = null)
{
    /// <summary>The most columns any row has.</summary>
    public int Width => Rows.Count == 0 ? 0 : Rows.Max(r => r.Cells.Count);

    /// <summary>The row on a line, or null.</summary>
    public RawRow? At(int line) => Rows.FirstOrDefault(r => r.Line == line);

    /// <summary>Reads up to <paramref name="maxRows"/> rows from the start of a file (CSV text in any encoding, .xlsx or
    /// .xls), reading no more of a CSV than its first <paramref name="sniffBytes"/> bytes.</summary>
    public static RawRows Read(Stream stream, int maxRows, int sniffBytes = 1 << 20)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        var prefix = new byte[sniffBytes];
        var length = 0;
        int read;
        while (length < prefix.Length && (read = stream.Read(prefix, length, prefix.Length - length)) > 0)
        {
            length += read;
        }

        var start = prefix.AsSpan(0, length);
        var format = FileSniffer.DetectFormat(start, out var unsupported);
        if (format is null)
        {
            return new RawRows(null, [], unsupported);
        }

        if (format == SpendFileFormat.Csv)
        {
            var text = TextSniffer.Detect(start);
            var sample = text.Encoding.GetString(start[text.PreambleLength..]);
            var delimiter = FileSniffer.DetectDelimiter(sample);
            var atEnd = stream.ReadByte() < 0;
            var records = FileSniffer.ReadRecords(sample, delimiter, maxRows, dropLast: !atEnd);
            return new RawRows(null, [.. records.Select(r => new RawRow(r.Line, r.Cells))]);
        }

        using var whole = new MemoryStream();
        whole.Write(start);
        stream.CopyTo(whole);
        whole.Position = 0;
        try
        {
            var sheets = FileSniffer.ReadWorkbook(whole);
            if (sheets.Count == 0)
            {
                return new RawRows(null, [], "the workbook has no sheets");
            }

            var (sheet, rows) = sheets.FirstOrDefault(s => s.Records.Any(r => !r.IsBlank));
            sheet ??= sheets[0].Sheet;
            rows ??= sheets[0].Records;
            return new RawRows(sheet, [.. rows.Take(maxRows).Select(r => new RawRow(r.Line, r.Cells))]);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ExcelDataReader.Exceptions.ExcelReaderException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return new RawRows(null, [], $"the workbook cannot be read: {ex.Message}");
        }
    }
}

/// <summary>One row as written.</summary>
/// <param name="Line">The 1-based physical line or sheet row.</param>
/// <param name="Cells">The cells as text.</param>
public sealed record RawRow(int Line, IReadOnlyList<string> Cells)
{
    /// <summary>The row's <see cref="HeaderSignature"/>, or null when it is blank.</summary>
    public string? Signature => HeaderSignature.Of(Cells);
}
