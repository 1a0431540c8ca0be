namespace TotalPlace.Web.Imports;

/// <summary>Tells a CSV, an .xlsx and a legacy .xls apart by content (a binary .xls is sometimes published as .csv).</summary>
public static class UploadSniffer
{
    private static ReadOnlySpan<byte> Zip => [0x50, 0x4B, 0x03, 0x04];

    private static ReadOnlySpan<byte> Ole => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static UploadKind Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(Zip))
        {
            return UploadKind.Xlsx;
        }

        if (content.StartsWith(Ole))
        {
            return UploadKind.Xls;
        }

        // Text files have no NUL bytes; UTF-16 would, but no publisher of spend files uses it.
        var head = content[..Math.Min(content.Length, 64 * 1024)];
        return head.Contains((byte)0) ? UploadKind.Unknown : UploadKind.Csv;
    }
}
