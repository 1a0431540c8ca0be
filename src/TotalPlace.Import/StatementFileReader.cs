using System.Security.Cryptography;
using TotalPlace.Core;
using TotalPlace.Core.Spending;
using TotalPlace.Import.Headers;
using TotalPlace.Import.Rows;
using TotalPlace.Import.Text;

namespace TotalPlace.Import;

/// <summary>Reads spend statement files: one row per agency × theme (or service) × funding stream × fiscal year with
/// an amount, and optionally a kind (outturn, budget, benefits paid). CSV or workbook, with the same encoding,
/// delimiter, banner and amount handling as spend files.</summary>
public static class StatementFileReader
{
    public static StatementFileResult Read(string fileName, byte[] content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var errors = new List<ImportError>();
        var notes = new List<string>();
        var statements = new List<SpendStatement>();
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var format = FileSniffer.DetectFormat(content, out var unsupported);
        string encoding = "binary";
        char? delimiter = null;
        List<RawRecord> records = [];
        if (format is null)
        {
            errors.Add(new ImportError(fileName, 0, string.Empty, string.Empty, unsupported!));
        }
        else if (format == SpendFileFormat.Csv)
        {
            var text = TextSniffer.Detect(content);
            encoding = text.Name;
            var decoded = text.Encoding.GetString(content.AsSpan(text.PreambleLength));
            delimiter = FileSniffer.DetectDelimiter(decoded);
            records = FileSniffer.ReadRecords(decoded, delimiter.Value, int.MaxValue, dropLast: false);
        }
        else
        {
            try
            {
                records = FileSniffer.ReadWorkbook(new MemoryStream(content, writable: false))
                    .Select(s => s.Records)
                    .FirstOrDefault(r => StatementRoles.Matcher.FindHeader(r.Take(SpendFilePlan.HeaderSearchRecords).Select(x => x.Cells).ToList(), StatementRoles.Required) >= 0) ?? [];
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or ExcelDataReader.Exceptions.ExcelReaderException or InvalidOperationException or ArgumentException or NotSupportedException)
            {
                errors.Add(new ImportError(fileName, 0, string.Empty, string.Empty, $"the workbook cannot be read: {ex.Message}"));
            }
        }

        var nonBlank = records.Where(r => !r.IsBlank).ToList();
        var headerIndex = StatementRoles.Matcher.FindHeader(nonBlank.Take(SpendFilePlan.HeaderSearchRecords).Select(r => r.Cells).ToList(), StatementRoles.Required);
        var headerRow = 0;
        var rowsRead = 0;
        if (errors.Count == 0 && nonBlank.Count > 0 && headerIndex < 0)
        {
            errors.Add(new ImportError(fileName, 0, string.Empty, string.Empty,
                "no header row found: a statement file needs columns for agency, theme (or service), fiscal year and amount, and may have funding stream and kind"));
        }
        else if (headerIndex >= 0)
        {
            var header = nonBlank[headerIndex].Cells;
            headerRow = nonBlank[headerIndex].Line;
            var columns = StatementRoles.Matcher.Match(header);
            int Col(StatementRole role) => columns.TryGetValue(role, out var c) ? c : -1;
            string Name(StatementRole role) => HeaderText.Display(header[Col(role)], Col(role));
            string Cell(RawRecord r, StatementRole role) => Col(role) is var c && c >= 0 && c < r.Count ? r.Cells[c].Trim() : string.Empty;
            foreach (var record in nonBlank.Skip(headerIndex + 1))
            {
                rowsRead++;
                var agency = Cell(record, StatementRole.Agency);
                var theme = Cell(record, StatementRole.Theme);
                var yearText = Cell(record, StatementRole.Year);
                var amountText = Cell(record, StatementRole.Amount);
                var kindText = Cell(record, StatementRole.Kind);
                var before = errors.Count;
                if (agency.Length == 0 && amountText.Length == 0)
                {
                    notes.Add($"row {record.Line} has no agency and no amount; skipped");
                    continue;
                }

                if (agency.Length == 0)
                {
                    errors.Add(new ImportError(fileName, record.Line, Name(StatementRole.Agency), agency, "agency is empty"));
                }

                if (theme.Length == 0)
                {
                    errors.Add(new ImportError(fileName, record.Line, Name(StatementRole.Theme), theme,
                        $"theme or service is empty; write '{Core.Places.Theme.Unclassified.Code}' if it is not known"));
                }

                if (!FiscalYear.TryParse(yearText, out var year))
                {
                    errors.Add(new ImportError(fileName, record.Line, Name(StatementRole.Year), yearText,
                        "fiscal year must be written like 2009-10, 2009/10 or 2009-2010 (April to March)"));
                }

                var amountStatus = AmountParser.TryParseCore(amountText, false, out var amount);
                if (amountStatus != AmountStatus.Ok)
                {
                    errors.Add(new ImportError(fileName, record.Line, Name(StatementRole.Amount), amountText, AmountParser.Describe(amountStatus)));
                }

                var kind = StatementKind.Outturn;
                if (kindText.Length > 0 && !TryParseKind(kindText, out kind))
                {
                    errors.Add(new ImportError(fileName, record.Line, Name(StatementRole.Kind), kindText,
                        "kind must be outturn, budget or benefits (benefits paid)"));
                }

                if (errors.Count == before)
                {
                    statements.Add(new SpendStatement(agency, theme, Cell(record, StatementRole.FundingStream), year, amount, kind, record.Line));
                }
            }
        }
        else if (errors.Count == 0)
        {
            notes.Add("the file has no rows: read as an empty batch");
        }

        if (headerRow > 1)
        {
            notes.Insert(0, $"header found on row {headerRow}; the rows above it were skipped");
        }

        return new StatementFileResult
        {
            FileName = fileName,
            Sha256 = sha,
            Format = format ?? SpendFileFormat.Csv,
            Encoding = encoding,
            Delimiter = delimiter,
            HeaderRow = headerRow,
            RowsRead = rowsRead,
            Statements = statements,
            Errors = errors,
            Notes = notes,
            Total = statements.Sum(s => s.Amount),
        };
    }

    private static bool TryParseKind(string text, out StatementKind kind)
    {
        switch (HeaderText.Normalise(text))
        {
            case "outturn" or "actual" or "actuals" or "spend":
                kind = StatementKind.Outturn;
                return true;
            case "budget" or "plan" or "planned" or "estimate":
                kind = StatementKind.Budget;
                return true;
            case "benefits" or "benefits paid" or "benefit" or "benefitspaid" or "transfers":
                kind = StatementKind.BenefitsPaid;
                return true;
            default:
                kind = StatementKind.Outturn;
                return false;
        }
    }
}
