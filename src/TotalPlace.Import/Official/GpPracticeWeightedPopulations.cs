using System.Globalization;
using TotalPlace.Import.Rows;
using TotalPlace.Import.Text;

namespace TotalPlace.Import.Official;

/// <summary>NHS England's GP-practice weighted populations (allocation inputs, no £): one row per practice with its
/// ICB and the district it is located in. Yields the place's share of an ICB by registered or need-weighted
/// population. Reads the workbook (sheet "GP_wp_YYYYYY") and the allocation tool's CSV extract alike: columns are
/// found by header ("ICB23" or "ICS22"; "LAD21"; the "pop …" column; "Final WP").</summary>
public static class GpPracticeWeightedPopulations
{
    /// <summary>Computes the share of <paramref name="organisation"/> located in <paramref name="area"/>.</summary>
    /// <param name="fileName">The file name, for messages.</param>
    /// <param name="content">The file's bytes.</param>
    /// <param name="organisation">The ICB code, e.g. "QE1".</param>
    /// <param name="area">The district code, e.g. "E07000120".</param>
    /// <param name="weighted">True for the need-weighted population ("Final WP"), false for the registered population.</param>
    /// <param name="sheet">The sheet of a workbook; null for a CSV (or the first sheet).</param>
    /// <exception cref="InvalidDataException">The file lacks a column it needs or a practice row holds no number; the
    /// message names the file, row and column.</exception>
    public static AllocationShare Share(string fileName, byte[] content, string organisation, string area, bool weighted = false, string? sheet = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var records = Load(fileName, content, sheet);
        var headerIndex = records.FindIndex(r => r.Cells.Any(c => c.Trim() is "LAD21"));
        if (headerIndex < 0)
        {
            throw new InvalidDataException($"{fileName}: no header with a 'LAD21' column was found");
        }

        var header = records[headerIndex].Cells.Select(c => c.Trim()).ToArray();
        var orgColumn = Find(header, fileName, h => h is "ICB23" or "ICB24" or "ICS22", "ICB23/ICS22");
        var areaColumn = Find(header, fileName, h => h == "LAD21", "LAD21");
        var valueColumn = weighted
            ? Find(header, fileName, h => string.Equals(h, "Final WP", StringComparison.OrdinalIgnoreCase), "Final WP")
            : Find(header, fileName, h => h.StartsWith("pop ", StringComparison.OrdinalIgnoreCase), "pop YYYY/YY");
        decimal inArea = 0m, whole = 0m;
        int unitsInArea = 0, units = 0;
        foreach (var record in records.Skip(headerIndex + 1))
        {
            var cells = record.Cells;
            if (orgColumn >= cells.Length || !string.Equals(cells[orgColumn].Trim(), organisation, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var text = valueColumn < cells.Length ? cells[valueColumn].Trim() : string.Empty;
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new InvalidDataException($"{fileName}, row {record.Line}, column {header[valueColumn]}: '{text}' is not a number");
            }

            units++;
            whole += value;
            if (areaColumn < cells.Length && string.Equals(cells[areaColumn].Trim(), area, StringComparison.OrdinalIgnoreCase))
            {
                unitsInArea++;
                inArea += value;
            }
        }

        if (units == 0)
        {
            throw new InvalidDataException($"{fileName}, column {header[orgColumn]}: no practice belongs to {organisation}");
        }

        return new AllocationShare(organisation, area, header[valueColumn], inArea, whole, unitsInArea, units);
    }

    private static int Find(string[] header, string fileName, Func<string, bool> match, string name)
    {
        var index = Array.FindIndex(header, h => match(h));
        return index >= 0 ? index : throw new InvalidDataException($"{fileName}: the column {name} is missing");
    }

    private static List<RawRecord> Load(string fileName, byte[] content, string? sheet)
    {
        var format = FileSniffer.DetectFormat(content.AsSpan(0, Math.Min(content.Length, 1 << 16)), out var unsupported);
        if (format is null)
        {
            throw new InvalidDataException($"{fileName}: {unsupported}");
        }

        if (format == SpendFileFormat.Csv)
        {
            var text = TextSniffer.Detect(content);
            var decoded = text.Encoding.GetString(content, text.PreambleLength, content.Length - text.PreambleLength);
            return FileSniffer.ReadRecords(decoded, ',', int.MaxValue, dropLast: false);
        }

        using var stream = new MemoryStream(content, writable: false);
        var sheets = FileSniffer.ReadWorkbook(stream);
        var chosen = sheet is null ? sheets[0] : sheets.FirstOrDefault(s => string.Equals(s.Sheet, sheet, StringComparison.OrdinalIgnoreCase));
        return chosen.Records ?? throw new InvalidDataException($"{fileName}: the workbook has no sheet '{sheet}'");
    }
}
