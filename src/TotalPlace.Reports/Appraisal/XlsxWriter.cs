using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TotalPlace.Reports.Appraisal;

/// <summary>Writes <see cref="XlsxSheet"/>s to an .xlsx package with formulas and their cached values, and asks the
/// reader to recalculate on open, so Excel and LibreOffice show live results and viewers that do not calculate show
/// the cached ones.</summary>
internal static class XlsxWriter
{
    public static void Write(Stream stream, IReadOnlyList<XlsxSheet> sheets)
    {
        using var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook, autoSave: true);
        package.PackageProperties.Creator = "TotalPlace";
        var workbookPart = package.AddWorkbookPart();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheetList = new Sheets();
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            part.Worksheet = Worksheet(sheet);
            sheetList.Append(new Sheet { Name = sheet.Name, SheetId = id++, Id = workbookPart.GetIdOfPart(part) });
        }

        workbookPart.Workbook = new Workbook(sheetList, new CalculationProperties { CalculationId = 191029U, FullCalculationOnLoad = true });
    }

    private static Worksheet Worksheet(XlsxSheet sheet)
    {
        var worksheet = new Worksheet();
        if (sheet.FrozenRows > 0)
        {
            worksheet.Append(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = sheet.FrozenRows,
                TopLeftCell = XlsxSheet.Ref(sheet.FrozenRows + 1, 1),
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            })
            { WorkbookViewId = 0U }));
        }

        if (sheet.ColumnWidths.Count > 0)
        {
            var columns = new Columns();
            foreach (var (column, width) in sheet.ColumnWidths.OrderBy(kv => kv.Key))
            {
                columns.Append(new Column { Min = (uint)column, Max = (uint)column, Width = width, CustomWidth = true });
            }

            worksheet.Append(columns);
        }

        var data = new SheetData();
        foreach (var (rowIndex, cells) in sheet.Rows)
        {
            var row = new Row { RowIndex = (uint)rowIndex };
            foreach (var (columnIndex, cell) in cells)
            {
                row.Append(Cell(XlsxSheet.Ref(rowIndex, columnIndex), cell));
            }

            data.Append(row);
        }

        worksheet.Append(data);
        return worksheet;
    }

    private static Cell Cell(string reference, XlsxCell cell)
    {
        var result = new Cell { CellReference = reference, StyleIndex = (uint)cell.Style };
        if (cell.Formula is { } formula)
        {
            result.CellFormula = new CellFormula(formula);
            if (cell.Number is { } cached)
            {
                result.CellValue = new CellValue(cached.ToString(CultureInfo.InvariantCulture));
            }
            else if (cell.Text is { } text)
            {
                result.DataType = CellValues.String;
                result.CellValue = new CellValue(text);
            }

            return result;
        }

        if (cell.Number is { } number)
        {
            result.CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture));
            return result;
        }

        result.DataType = CellValues.InlineString;
        result.InlineString = new InlineString(new Text(cell.Text ?? "") { Space = SpaceProcessingModeValues.Preserve });
        return result;
    }

    private static Stylesheet Stylesheet()
    {
        var formats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164U, FormatCode = "\"£\"#,##0.00;[Red]-\"£\"#,##0.00" },
            new NumberingFormat { NumberFormatId = 165U, FormatCode = "0.0000" },
            new NumberingFormat { NumberFormatId = 166U, FormatCode = "0.000000" });
        var fonts = new Fonts(
            new Font(new FontSize { Val = 10 }, new FontName { Val = "Arial" }),
            new Font(new Bold(), new FontSize { Val = 10 }, new FontName { Val = "Arial" }),
            new Font(new FontSize { Val = 10 }, new Color { Rgb = "FF1F4E99" }, new FontName { Val = "Arial" }),
            new Font(new Bold(), new FontSize { Val = 13 }, new FontName { Val = "Arial" }),
            new Font(new Italic(), new FontSize { Val = 9 }, new Color { Rgb = "FF555555" }, new FontName { Val = "Arial" }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE8E8E8" }) { PatternType = PatternValues.Solid }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFF7D6" }) { PatternType = PatternValues.Solid }));
        var borders = new Borders(new Border());
        CellFormat Format(uint numberFormat, uint font, uint fill) => new()
        {
            NumberFormatId = numberFormat,
            FontId = font,
            FillId = fill,
            BorderId = 0U,
            ApplyNumberFormat = numberFormat != 0,
            ApplyFont = font != 0,
            ApplyFill = fill != 0,
        };

        // One entry per XlsxStyle, in its order. Inputs are blue on pale yellow, the modelling convention for "change me".
        var cellFormats = new CellFormats(
            Format(0, 0, 0),
            Format(164, 0, 0),
            Format(165, 0, 0),
            Format(166, 0, 0),
            Format(0, 1, 2),
            Format(0, 2, 3),
            Format(164, 2, 3),
            Format(165, 2, 3),
            Format(0, 3, 0),
            Format(0, 4, 0),
            Format(3, 0, 0));
        return new Stylesheet(formats, fonts, fills, borders, new CellStyleFormats(new CellFormat()), cellFormats);
    }
}
