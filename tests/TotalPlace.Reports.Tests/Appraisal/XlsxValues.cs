using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TotalPlace.Reports.Tests.Appraisal;

/// <summary>Reads cell values (numbers and text, shared or inline) and formulas back from an .xlsx file.</summary>
internal sealed class XlsxValues : IDisposable
{
    private readonly SpreadsheetDocument _document;

    public XlsxValues(string path) => _document = SpreadsheetDocument.Open(path, isEditable: false);

    public decimal Number(string sheet, string reference)
    {
        var text = Text(sheet, reference);
        return decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    public string Text(string sheet, string reference)
    {
        var cell = FindCell(_document, sheet, reference) ?? throw new InvalidOperationException($"{sheet}!{reference} is empty");
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            var index = int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
            return _document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(index).InnerText;
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString!.InnerText;
        }

        return cell.CellValue?.Text ?? throw new InvalidOperationException($"{sheet}!{reference} has no value");
    }

    public string? Formula(string sheet, string reference) => FindCell(_document, sheet, reference)?.CellFormula?.Text;

    public IEnumerable<string> SheetNames => _document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!);

    public static Cell? FindCell(SpreadsheetDocument document, string sheet, string reference)
    {
        var workbook = document.WorkbookPart!;
        var entry = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet);
        var part = (WorksheetPart)workbook.GetPartById(entry.Id!);
        return part.Worksheet.Descendants<Cell>().FirstOrDefault(c => c.CellReference == reference);
    }

    public void Dispose() => _document.Dispose();
}
