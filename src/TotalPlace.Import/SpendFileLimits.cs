namespace TotalPlace.Import;

/// <summary>What one spend file may expand to before it is refused: bounds on memory and time for files from outside,
/// set well above any published spend file (see docs/security.md, "Limits on imported files").</summary>
public static class SpendFileLimits
{
    /// <summary>The most characters in one CSV field or workbook cell: 1 MiB. A spreadsheet cell holds at most
    /// 32,767 characters; a longer field is a missing closing quote or a hostile file.</summary>
    public const int MaxFieldChars = 1 << 20;

    /// <summary>The most characters in one workbook cell: 32,767, Excel's own limit.</summary>
    public const int MaxCellChars = 32_767;

    /// <summary>The most rows in one workbook sheet: 1,048,576, Excel's own limit.</summary>
    public const int MaxSheetRows = 1_048_576;

    /// <summary>The most cells in one workbook, all sheets together: 5 million (a workbook is read whole into memory; a
    /// larger file is better saved as CSV, which streams).</summary>
    public const long MaxWorkbookCells = 5_000_000;

    /// <summary>The most bytes a workbook's parts may expand to when unzipped: 512 MiB.</summary>
    public const long MaxWorkbookExpandedBytes = 512L << 20;

    /// <summary>The most parts (files) inside an .xlsx: 10,000.</summary>
    public const int MaxWorkbookParts = 10_000;

    /// <summary>The longest a workbook may take to read: 2 minutes.</summary>
    public static readonly TimeSpan MaxWorkbookReadTime = TimeSpan.FromMinutes(2);
}
