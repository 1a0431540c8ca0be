using System.Buffers.Binary;
using System.Text;

namespace TotalPlace.Import.Tests;

/// <summary>Writes a minimal legacy Excel 97-2003 workbook (BIFF8 records in an OLE2 compound file) with one sheet
/// of text and number cells, so the .xls path can be tested without committing a binary fixture. It follows
/// [MS-CFB] (version 3, 512-byte sectors, one FAT sector) and [MS-XLS] (BOF, CODEPAGE, BOUNDSHEET8, DIMENSIONS,
/// LABEL, NUMBER, EOF); no styles, so dates are written as text or serial numbers.</summary>
internal static class Biff8Workbook
{
    private const int Sector = 512;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FatSector = 0xFFFFFFFD;
    private const uint Free = 0xFFFFFFFF;

    public static byte[] Create(string sheetName, IReadOnlyList<object?[]> rows)
    {
        var workbook = WorkbookStream(sheetName, rows);
        var streamSectors = (workbook.Length + Sector - 1) / Sector;
        var file = new byte[Sector * (3 + streamSectors)];
        var header = file.AsSpan(0, Sector);
        ((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[24..], 0x003E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], 0x0003);
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[30..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[44..], 1); // FAT sectors
        BinaryPrimitives.WriteUInt32LittleEndian(header[48..], 1); // first directory sector
        BinaryPrimitives.WriteUInt32LittleEndian(header[56..], 4096); // mini stream cutoff
        BinaryPrimitives.WriteUInt32LittleEndian(header[60..], EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(header[68..], EndOfChain);
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(76 + (4 * i))..], i == 0 ? 0u : Free);
        }

        // Sector 0: the FAT. Sector 1: the directory. Sectors 2..: the Workbook stream.
        var fat = file.AsSpan(Sector * 1, Sector);
        for (var i = 0; i < Sector / 4; i++)
        {
            uint entry = i switch
            {
                0 => FatSector,
                1 => EndOfChain,
                _ when i >= 2 && i < 2 + streamSectors => i == 1 + streamSectors ? EndOfChain : (uint)(i + 1),
                _ => Free,
            };
            BinaryPrimitives.WriteUInt32LittleEndian(fat[(4 * i)..], entry);
        }

        var directory = file.AsSpan(Sector * 2, Sector);
        DirectoryEntry(directory[..128], "Root Entry", type: 5, child: 1, start: EndOfChain, size: 0);
        DirectoryEntry(directory[128..256], "Workbook", type: 2, child: Free, start: 2, size: (uint)workbook.Length);
        DirectoryEntry(directory[256..384], string.Empty, type: 0, child: Free, start: 0, size: 0);
        DirectoryEntry(directory[384..512], string.Empty, type: 0, child: Free, start: 0, size: 0);
        workbook.CopyTo(file.AsSpan(Sector * 3));
        return file;
    }

    private static void DirectoryEntry(Span<byte> entry, string name, byte type, uint child, uint start, uint size)
    {
        Encoding.Unicode.GetBytes(name).CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)(name.Length == 0 ? 0 : (name.Length + 1) * 2));
        entry[66] = type;
        entry[67] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], Free);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], Free);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[116..], start);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[120..], size);
    }

    private static byte[] WorkbookStream(string sheetName, IReadOnlyList<object?[]> rows)
    {
        var globals = new MemoryStream();
        Record(globals, 0x0809, Bof(0x0005));
        Record(globals, 0x0042, [0xB0, 0x04]); // code page 1200 (UTF-16)
        var nameBytes = Encoding.Latin1.GetBytes(sheetName);
        var boundSheetOffset = globals.Length + 4;
        Record(globals, 0x0085, [0, 0, 0, 0, 0, 0, (byte)nameBytes.Length, 0, .. nameBytes]);
        Record(globals, 0x000A, []);

        var sheet = new MemoryStream();
        Record(sheet, 0x0809, Bof(0x0010));
        var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Length);
        var dimensions = new byte[14];
        BinaryPrimitives.WriteUInt32LittleEndian(dimensions.AsSpan(4), (uint)rows.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(dimensions.AsSpan(10), (ushort)columns);
        Record(sheet, 0x0200, dimensions);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = new byte[6];
                BinaryPrimitives.WriteUInt16LittleEndian(cell, (ushort)r);
                BinaryPrimitives.WriteUInt16LittleEndian(cell.AsSpan(2), (ushort)c);
                switch (rows[r][c])
                {
                    case null:
                        break;
                    case double d:
                        Record(sheet, 0x0203, [.. cell, .. BitConverter.GetBytes(d)]);
                        break;
                    case var value:
                        var text = Encoding.Unicode.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);
                        var length = new byte[2];
                        BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)(text.Length / 2));
                        Record(sheet, 0x0204, [.. cell, .. length, 0x01, .. text]);
                        break;
                }
            }
        }

        Record(sheet, 0x000A, []);
        var stream = new byte[Math.Max(4096, (int)(globals.Length + sheet.Length))];
        globals.ToArray().CopyTo(stream, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(stream.AsSpan((int)boundSheetOffset), (uint)globals.Length);
        sheet.ToArray().CopyTo(stream, (int)globals.Length);
        return stream;
    }

    private static byte[] Bof(ushort type)
    {
        var bof = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(bof, 0x0600);
        BinaryPrimitives.WriteUInt16LittleEndian(bof.AsSpan(2), type);
        BinaryPrimitives.WriteUInt16LittleEndian(bof.AsSpan(4), 0x0DBB);
        BinaryPrimitives.WriteUInt16LittleEndian(bof.AsSpan(6), 0x07CC);
        return bof;
    }

    private static void Record(MemoryStream stream, ushort type, byte[] data)
    {
        Span<byte> head = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(head, type);
        BinaryPrimitives.WriteUInt16LittleEndian(head[2..], (ushort)data.Length);
        stream.Write(head);
        stream.Write(data);
    }
}
