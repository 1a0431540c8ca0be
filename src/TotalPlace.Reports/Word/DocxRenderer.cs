using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using TotalPlace.Reports.Html;
using WordDocument = DocumentFormat.OpenXml.Wordprocessing.Document;

namespace TotalPlace.Reports.Word;

/// <summary>
/// Renders a <see cref="Html.Document"/> as a Word document people can edit: the title in Word's Title style, sections in
/// Heading 1/2/3 (so Word's navigation pane and table of contents work), tables as Word tables with a repeating header
/// row, and a signature block per signatory as a table of signature and date lines.
/// </summary>
public static class DocxRenderer
{
    private const string Font = "Arial";

    /// <summary>Writes the document as .docx to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, Html.Document document)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(document);
        using var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document, autoSave: true);
        package.PackageProperties.Title = document.Title;
        package.PackageProperties.Creator = "TotalPlace";
        package.PackageProperties.Version = document.Version;
        var main = package.AddMainDocumentPart();
        AddStyles(main);
        var body = new Body();
        body.Append(Paragraph("Title", document.Title));
        body.Append(Paragraph("Subtitle", document.Subtitle));
        body.Append(Paragraph("Version", document.VersionLine));
        if (document.MadeFrom is { } madeFrom)
        {
            body.Append(Paragraph("Version", "Made from " + madeFrom));
        }

        foreach (var block in document.Blocks)
        {
            Append(body, block);
        }

        body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1020, Bottom = 1020, Left = 907U, Right = 907U, Header = 567U, Footer = 567U }));
        main.Document = new WordDocument(body);
    }

    /// <summary>The document as .docx bytes.</summary>
    public static byte[] Render(Html.Document document)
    {
        using var stream = new MemoryStream();
        Write(stream, document);
        return stream.ToArray();
    }

    private static void Append(Body body, DocumentBlock block)
    {
        switch (block)
        {
            case HeadingBlock h:
                body.Append(Paragraph($"Heading{Math.Clamp(h.Level - 1, 1, 3)}", h.Text));
                break;
            case ParagraphBlock p:
                body.Append(Paragraph(null, p.Text));
                break;
            case ListBlock l:
                foreach (var item in l.Items)
                {
                    body.Append(Paragraph("ListBullet", "\u2022\t" + item));
                }

                break;
            case FactsBlock f:
                body.Append(Table(null, ["", ""], f.Facts.Select(kv => (IReadOnlyList<string>)[kv.Key, kv.Value]).ToList(), new HashSet<int>(), null, headerRow: false));
                break;
            case TableBlock t:
                body.Append(Paragraph("Caption", t.Caption));
                body.Append(Table(t.Caption, t.Headers, t.Rows, t.NumericColumns, t.Footer, headerRow: true));
                break;
            case ChartBlock c:
                Append(body, c.ToTable());
                break;
            case SignaturesBlock s:
                foreach (var signature in s.Signatures)
                {
                    body.Append(SignatureTable(signature));
                    body.Append(Paragraph(null, ""));
                }

                break;
            case PageBreakBlock:
                body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                break;
            default:
                throw new ArgumentException($"The block type {block.GetType().Name} has no Word rendering.", nameof(block));
        }
    }

    private static Paragraph Paragraph(string? style, string text)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static Table Table(string? caption, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows,
        IReadOnlySet<int> numeric, IReadOnlyList<string>? footer, bool headerRow)
    {
        var table = new Table();
        var properties = new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" });
        if (caption is not null)
        {
            properties.Append(new TableCaption { Val = caption });
        }

        table.Append(properties);
        if (headerRow)
        {
            table.Append(Row(headers, numeric, bold: true, header: true));
        }

        foreach (var row in rows)
        {
            table.Append(Row(row, numeric, bold: false, header: false));
        }

        if (footer is not null)
        {
            table.Append(Row(footer, numeric, bold: true, header: false));
        }

        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, IReadOnlySet<int> numeric, bool bold, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var run = new Run(new Text(cells[i]) { Space = SpaceProcessingModeValues.Preserve });
            if (bold)
            {
                run.PrependChild(new RunProperties(new Bold()));
            }

            var paragraph = new Paragraph(new ParagraphProperties(
                new ParagraphStyleId { Val = "TableText" },
                new Justification { Val = numeric.Contains(i) ? JustificationValues.Right : JustificationValues.Left }), run);
            var cell = new TableCell(paragraph);
            if (header)
            {
                cell.PrependChild(new TableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Fill = "E8E8E8" }));
            }

            row.Append(cell);
        }

        return row;
    }

    private static Table SignatureTable(SignatureLine signature)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableCaption { Val = "Signature: " + signature.Organisation }));
        TableRow Line(string label, string value, uint height) => new(
            new TableRowProperties(new TableRowHeight { Val = height, HeightType = HeightRuleValues.AtLeast }, new CantSplit()),
            new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = "1500" }),
                new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TableText" }), new Run(new RunProperties(new Bold()), new Text(label)))),
            new TableCell(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TableText" }), new Run(new Text(value) { Space = SpaceProcessingModeValues.Preserve }))));
        table.Append(Line("For", signature.Organisation, 400U));
        table.Append(Line("Name and role", string.IsNullOrEmpty(signature.Role) ? signature.Name : $"{signature.Name}, {signature.Role}", 400U));
        table.Append(Line("Signature", "", 900U));
        table.Append(Line("Date", "", 500U));
        return table;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        static RunProperties Run(int halfPoints, bool bold = false, string? colour = null)
        {
            var run = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font });
            if (bold)
            {
                run.Append(new Bold());
            }

            if (colour is not null)
            {
                run.Append(new Color { Val = colour });
            }

            run.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            return run;
        }

        static Style Paragraph(string id, string name, RunProperties run, ParagraphProperties? paragraph = null, int? outline = null)
        {
            var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
            style.Append(new StyleName { Val = name });
            if (id != "Normal")
            {
                style.Append(new BasedOn { Val = "Normal" });
                style.Append(new NextParagraphStyle { Val = "Normal" });
            }

            style.Append(new PrimaryStyle());
            var properties = paragraph ?? new ParagraphProperties();
            if (outline is { } level)
            {
                properties.Append(new KeepNext());
                properties.Append(new OutlineLevel { Val = level });
            }

            style.Append(properties);
            style.Append(run);
            return style;
        }

        var table = new Style { Type = StyleValues.Table, StyleId = "TableGrid" };
        table.Append(new StyleName { Val = "Table Grid" });
        table.Append(new StyleTableProperties(new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4U, Color = "888888" },
            new BottomBorder { Val = BorderValues.Single, Size = 4U, Color = "888888" },
            new LeftBorder { Val = BorderValues.Single, Size = 4U, Color = "888888" },
            new RightBorder { Val = BorderValues.Single, Size = 4U, Color = "888888" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Color = "888888" },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Color = "888888" }),
            new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 100, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 100, Type = TableWidthValues.Dxa })));

        styles.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(Run(21)), new ParagraphPropertiesDefault(new ParagraphProperties(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            Paragraph("Normal", "Normal", Run(21)),
            Paragraph("Title", "Title", Run(40, bold: true), new ParagraphProperties(new SpacingBetweenLines { After = "60" })),
            Paragraph("Subtitle", "Subtitle", Run(24)),
            Paragraph("Version", "Version line", Run(20, colour: "444444")),
            Paragraph("Heading1", "heading 1", Run(28, bold: true), new ParagraphProperties(new SpacingBetweenLines { Before = "360", After = "120" }, new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6U, Color = "999999" })), outline: 0),
            Paragraph("Heading2", "heading 2", Run(24, bold: true), new ParagraphProperties(new SpacingBetweenLines { Before = "240", After = "80" }), outline: 1),
            Paragraph("Heading3", "heading 3", Run(22, bold: true), new ParagraphProperties(new SpacingBetweenLines { Before = "200", After = "60" }), outline: 2),
            Paragraph("Caption", "caption", Run(20, bold: true), new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "60" })),
            Paragraph("ListBullet", "List Bullet", Run(21), new ParagraphProperties(new Indentation { Left = "360", Hanging = "360" })),
            Paragraph("TableText", "Table text", Run(18), new ParagraphProperties(new SpacingBetweenLines { After = "0" })),
            table);
    }
}
