using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace TotalPlace.Import.Text;

/// <summary>Checks what an .xlsx would expand to before the workbook reader is let loose on it: the number of parts,
/// the bytes they unzip to, the rows and cells each sheet spans, the size of one cell's text, well-formed XML with no
/// DTD, and the time taken. It reads the parts as a stream and never holds a cell's text, so a zip bomb or a 2 GiB
/// cell costs a bounded buffer, not memory in proportion to the claim.</summary>
internal static class WorkbookGuard
{
    /// <summary>The first reason the workbook is refused, or null when it is within the limits.</summary>
    public static ImportError? CheckXlsx(Stream workbook, string fileName)
    {
        var clock = Stopwatch.StartNew();
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            return FileError(fileName, $"the file starts like an .xlsx workbook but is not a readable zip archive ({ex.Message}); it may be cut short or damaged: get it again or save it from Excel once more");
        }

        using (zip)
        {
            if (zip.Entries.Count > SpendFileLimits.MaxWorkbookParts)
            {
                return FileError(fileName, string.Create(CultureInfo.InvariantCulture,
                    $"the workbook has {zip.Entries.Count:N0} parts inside, more than the {SpendFileLimits.MaxWorkbookParts:N0} allowed; it is not a spend workbook"));
            }

            long expanded = 0;
            long cells = 0;
            foreach (var entry in zip.Entries)
            {
                expanded += Math.Max(0, entry.Length);
                if (expanded > SpendFileLimits.MaxWorkbookExpandedBytes)
                {
                    return TooBig(fileName, entry.FullName);
                }
            }

            expanded = 0;
            foreach (var entry in zip.Entries)
            {
                if (!entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var sheet = entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase);
                try
                {
                    using var part = new LimitedStream(entry.Open(), SpendFileLimits.MaxWorkbookExpandedBytes - expanded);
                    var problem = ScanPart(part, fileName, entry.FullName, sheet, ref cells, clock);
                    expanded += part.BytesRead;
                    if (problem is not null)
                    {
                        return problem;
                    }
                }
                catch (LimitExceededException)
                {
                    return TooBig(fileName, entry.FullName);
                }
                catch (XmlException ex)
                {
                    return ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                        ? FileError(fileName, $"the workbook's part '{entry.FullName}' declares a DTD (<!DOCTYPE>), which no spreadsheet program writes; it is refused because a DTD can expand entities without bound")
                        : FileError(fileName, string.Create(CultureInfo.InvariantCulture,
                            $"the workbook's part '{entry.FullName}' is not well-formed XML at line {ex.LineNumber}, position {ex.LinePosition} ({FirstSentence(ex.Message)}); the file is damaged: save it from Excel again"));
                }
                catch (InvalidDataException ex)
                {
                    return FileError(fileName, $"the workbook's part '{entry.FullName}' cannot be unzipped ({ex.Message}); the file is damaged or cut short");
                }
            }
        }

        return null;
    }

    private static ImportError? ScanPart(Stream part, string fileName, string partName, bool sheet, ref long cells, Stopwatch clock)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            MaxCharactersInDocument = SpendFileLimits.MaxWorkbookExpandedBytes,
            CloseInput = false,
        };
        using var xml = XmlReader.Create(part, settings);
        var buffer = new char[4096];
        long rows = 0;
        long lastRow = 0;
        long maxRow = 0;
        long maxColumn = 0;
        var cell = string.Empty;
        var nodes = 0;
        while (xml.Read())
        {
            if ((++nodes & 0xFFF) == 0 && clock.Elapsed > SpendFileLimits.MaxWorkbookReadTime)
            {
                return FileError(fileName, $"the workbook took longer than {SpendFileLimits.MaxWorkbookReadTime.TotalMinutes:N0} minutes to check (at part '{partName}'); it is refused as too large to read");
            }

            if (xml.NodeType == XmlNodeType.EndElement && sheet && xml.LocalName == "worksheet")
            {
                cells += maxRow * maxColumn;
            }

            switch (xml.NodeType)
            {
                case XmlNodeType.Element when sheet && xml.LocalName == "row":
                    rows++;
                    lastRow = long.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : lastRow + 1;
                    maxRow = Math.Max(maxRow, lastRow);
                    if (rows > SpendFileLimits.MaxSheetRows || maxRow > SpendFileLimits.MaxSheetRows)
                    {
                        return FileError(fileName, string.Create(CultureInfo.InvariantCulture,
                            $"the workbook's sheet '{partName}' has more than {SpendFileLimits.MaxSheetRows:N0} rows, the most a spreadsheet sheet can hold; it is not a spend workbook Excel wrote"));
                    }

                    break;
                case XmlNodeType.Element when sheet && xml.LocalName == "c":
                    cell = xml.GetAttribute("r") ?? string.Empty;
                    var column = ColumnNumber(cell);
                    maxColumn = Math.Max(maxColumn, column);
                    if (cells + (Math.Max(maxRow, 1) * maxColumn) > SpendFileLimits.MaxWorkbookCells)
                    {
                        return FileError(fileName, string.Create(CultureInfo.InvariantCulture,
                            $"the workbook spans more than {SpendFileLimits.MaxWorkbookCells:N0} cells (at '{partName}' cell {cell}); a workbook is read whole, so one this large is refused: save it as CSV, which is read as a stream"));
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    long length = 0;
                    int n;
                    while ((n = xml.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
                    {
                        length += n;
                        if (length > SpendFileLimits.MaxCellChars)
                        {
                            var where = sheet && cell.Length > 0 ? $"cell {cell} of '{partName}'" : $"'{partName}'";
                            return new ImportError(fileName, sheet ? (int)Math.Min(int.MaxValue, lastRow) : 0, sheet ? Letters(cell) : string.Empty, string.Empty,
                                string.Create(CultureInfo.InvariantCulture,
                                    $"a text in {where} is longer than {SpendFileLimits.MaxCellChars:N0} characters, the most a spreadsheet cell can hold; the workbook was not written by a spreadsheet program and is refused"));
                        }
                    }

                    break;
            }
        }

        return null;
    }

    private static long ColumnNumber(string reference)
    {
        long n = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            n = (n * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return Math.Max(1, n);
    }

    private static string Letters(string reference) => new([.. reference.TakeWhile(char.IsAsciiLetter)]);

    private static string FirstSentence(string message)
    {
        var line = message.ReplaceLineEndings(" ");
        var stop = line.IndexOf(". ", StringComparison.Ordinal);
        return (stop > 0 ? line[..stop] : line).TrimEnd('.');
    }

    private static ImportError TooBig(string fileName, string part) => FileError(fileName, string.Create(CultureInfo.InvariantCulture,
        $"the workbook unzips to more than {SpendFileLimits.MaxWorkbookExpandedBytes / (1 << 20):N0} MiB (at part '{part}'); a spend workbook is far smaller, so it is refused as a zip bomb or a file too large to read whole; save it as CSV"));

    private static ImportError FileError(string fileName, string message) => new(fileName, 0, string.Empty, string.Empty, message);

    private sealed class LimitExceededException : Exception
    {
    }

    /// <summary>Passes a stream through and throws once more than the allowance has been read.</summary>
    private sealed class LimitedStream(Stream inner, long allowance) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            BytesRead += n;
            if (BytesRead > allowance)
            {
                throw new LimitExceededException();
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>Thrown while reading a workbook that goes beyond <see cref="SpendFileLimits"/>; the reader turns it into a
/// file error naming the row and column where the limit was met.</summary>
internal sealed class WorkbookLimitException(string message, int row, string column) : Exception(message)
{
    public int Row { get; } = row;

    public string Column { get; } = column;
}
