namespace TotalPlace.Import;

/// <summary>The container a spend file was found to be, by its content (never its name).</summary>
public enum SpendFileFormat
{
    /// <summary>Delimited text (comma, semicolon, tab or pipe).</summary>
    Csv = 0,

    /// <summary>Office Open XML workbook (.xlsx).</summary>
    Xlsx,

    /// <summary>Legacy binary Excel workbook (BIFF8 .xls in an OLE2 compound file).</summary>
    Xls,
}
