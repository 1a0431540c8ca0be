using System.IO.Compression;
using System.Text;

namespace TotalPlace.Cli.Tests.Hostile;

/// <summary>Hostile and careless input files, generated in code: CSVs cut at every kind of boundary, bad headers,
/// dates and amounts, and .xlsx/.xls files built byte by byte (zip bombs, a huge cell, millions of rows, broken XML,
/// a DTD). Nothing here is copied from a published file.</summary>
internal static class HostileFiles
{
    /// <summary>The well-formed file every truncation is cut from: the amount is the third of four columns, the last
    /// line's supplier is quoted, has a comma and an accented letter, so cuts land mid-field, mid-quote, after a
    /// delimiter, before the end-of-line and mid-UTF-8 sequence.</summary>
    public const string Whole =
        "Date,Supplier,Amount,Reference\r\n" +
        "01/04/2024,Acme Ltd,100.00,R1\r\n" +
        "02/04/2024,\"Café, Bar & Co\",50637.85,R2\r\n";

    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    /// <summary>The whole file cut just before the first occurrence of <paramref name="marker"/> in its last line,
    /// plus <paramref name="extra"/> bytes of the marker.</summary>
    public static byte[] CutAt(string marker, int extra = 0)
    {
        var bytes = Utf8(Whole);
        var lastLine = Whole.LastIndexOf("02/04/2024", StringComparison.Ordinal);
        var at = Utf8(Whole[..Whole.IndexOf(marker, lastLine, StringComparison.Ordinal)]).Length + extra;
        return bytes[..at];
    }

    /// <summary>A minimal .xlsx: one sheet whose XML is written by <paramref name="sheet"/> (inline strings, so no
    /// shared-string part unless <paramref name="sharedStrings"/> writes one).</summary>
    public static void Xlsx(string path, Action<TextWriter> sheet, Action<TextWriter>? sharedStrings = null, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        Part(zip, "[Content_Types].xml", level, w => w.Write(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
            "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
            (sharedStrings is null ? string.Empty : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>") +
            "</Types>"));
        Part(zip, "_rels/.rels", level, w => w.Write(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
        Part(zip, "xl/workbook.xml", level, w => w.Write(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " +
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Spend\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
        Part(zip, "xl/_rels/workbook.xml.rels", level, w => w.Write(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
            (sharedStrings is null ? string.Empty : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>") +
            "</Relationships>"));
        Part(zip, "xl/worksheets/sheet1.xml", level, sheet);
        if (sharedStrings is not null)
        {
            Part(zip, "xl/sharedStrings.xml", level, sharedStrings);
        }
    }

    public const string SheetStart = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";

    public const string SheetEnd = "</sheetData></worksheet>";

    public static string Row(int r, params string[] cells)
    {
        var text = new StringBuilder($"<row r=\"{r}\">");
        for (var i = 0; i < cells.Length; i++)
        {
            text.Append($"<c r=\"{(char)('A' + i)}{r}\" t=\"inlineStr\"><is><t>{cells[i]}</t></is></c>");
        }

        return text.Append("</row>").ToString();
    }

    /// <summary>A header row and the given data rows, as a well-formed sheet.</summary>
    public static Action<TextWriter> Sheet(params string[][] rows) => w =>
    {
        w.Write(SheetStart);
        w.Write(Row(1, "Date", "Supplier", "Amount"));
        for (var i = 0; i < rows.Length; i++)
        {
            w.Write(Row(i + 2, rows[i]));
        }

        w.Write(SheetEnd);
    };

    /// <summary>Writes <paramref name="count"/> copies of <paramref name="c"/> without holding them.</summary>
    public static void Repeat(TextWriter writer, char c, long count)
    {
        var block = new string(c, 1 << 16);
        for (long left = count; left > 0; left -= block.Length)
        {
            writer.Write(left >= block.Length ? block : block[..(int)left]);
        }
    }

    /// <summary>A file that starts like a legacy .xls (the compound-document signature and a plausible header) and
    /// is garbage after it, with sector counts and chains that point everywhere.</summary>
    public static byte[] CorruptXls(int length)
    {
        var bytes = new byte[length];
        new Random(15).NextBytes(bytes);
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(bytes, 0);
        Array.Clear(bytes, 8, 16);
        bytes[0x18] = 0x3E; // minor version
        bytes[0x1A] = 0x03; // major version 3
        bytes[0x1C] = 0xFE; // little-endian
        bytes[0x1D] = 0xFF;
        bytes[0x1E] = 0x09; // 512-byte sectors
        bytes[0x20] = 0x06; // 64-byte mini sectors
        BitConverter.GetBytes(0x7FFFFFF0).CopyTo(bytes, 0x2C); // FAT sectors: far more than the file holds
        BitConverter.GetBytes(1).CopyTo(bytes, 0x30); // first directory sector
        BitConverter.GetBytes(0x1000).CopyTo(bytes, 0x38); // mini stream cutoff
        return bytes;

    }

    private static void Part(ZipArchive zip, string name, CompressionLevel level, Action<TextWriter> write)
    {
        var entry = zip.CreateEntry(name, level);
        using var stream = entry.Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        write(writer);
    }
}
