using System.Globalization;
using TotalPlace.Core.Spending;

namespace TotalPlace.Import.Rows;

/// <summary>Turns records into transactions, one at a time, collecting errors and notes. Shared by the in-memory and
/// streaming readers and by CSV and workbooks, so every path applies the same rules.</summary>
internal sealed class SpendRowInterpreter
{
    private const int MaxListedNotes = 10;

    private readonly string _fileName;
    private readonly SpendFilePlan _plan;
    private readonly int _maxErrors;
    private readonly StringPool[] _pools;
    private readonly int _date, _amount, _supplier, _supplierId, _body, _reference, _expenseType, _expenseArea, _serviceCode, _description, _contract, _invoice;
    private readonly List<int> _skippedLines = [];
    private readonly List<string> _footerNotes = [];
    private decimal _sectionTotal;
    private int _wider, _firstWider, _shorter, _firstShorter, _footers;

    public SpendRowInterpreter(string fileName, SpendFilePlan plan, SpendReadOptions options)
    {
        _fileName = fileName;
        _plan = plan;
        _maxErrors = options.MaxErrors;
        _pools = Enumerable.Range(0, Enum.GetValues<ColumnRole>().Length).Select(_ => new StringPool()).ToArray();
        _date = plan[ColumnRole.Date];
        _amount = plan[ColumnRole.Amount];
        _supplier = plan[ColumnRole.Supplier];
        _supplierId = plan[ColumnRole.SupplierId];
        _body = plan[ColumnRole.Body];
        _reference = plan[ColumnRole.Reference];
        _expenseType = plan[ColumnRole.ExpenseType];
        _expenseArea = plan[ColumnRole.ExpenseArea];
        _serviceCode = plan[ColumnRole.ServiceCode];
        _description = plan[ColumnRole.Description];
        _contract = plan[ColumnRole.ContractReference];
        _invoice = plan[ColumnRole.InvoiceNumber];
    }

    public List<ImportError> Errors { get; } = [];

    public int ErrorCount { get; private set; }

    /// <summary>Records after the header that were not blank.</summary>
    public int RowsRead { get; private set; }

    public int RowsLoaded { get; private set; }

    public int RowsRejected { get; private set; }

    public int RowsSkipped { get; private set; }

    public int BlankRows { get; private set; }

    public decimal Total { get; private set; }

    public Transaction? Interpret<TRow>(scoped in TRow row)
        where TRow : IRawRow, allows ref struct
    {
        if (IsBlank(row))
        {
            BlankRows++;
            return null;
        }

        RowsRead++;
        var line = row.Line;
        CheckWidth(row, line);
        var dateText = Cell(row, _date);
        var amountText = Cell(row, _amount);
        var dateStatus = DateParser.TryParseCore(dateText, _plan.DateOrder, out var date);
        var amountStatus = AmountParser.TryParseCore(amountText, _plan.DecimalComma, out var amount);

        if (dateStatus is DateShape.Empty or DateShape.Invalid)
        {
            if (amountStatus == AmountStatus.Empty && (dateStatus == DateShape.Empty || CountNonEmpty(row) <= 1))
            {
                // No date and no amount: a note, a sub-heading or a "nil return" line. It carries no money.
                Skip(line);
                return null;
            }

            if (dateStatus == DateShape.Empty && amountStatus == AmountStatus.Ok && IsFooter(row, amount))
            {
                return null;
            }

            if (IsRepeatedHeader(row))
            {
                Skip(line);
                return null;
            }
        }

        var bad = false;
        if (dateStatus != DateShape.Unambiguous)
        {
            AddError(line, _date, dateText, DateParser.Describe(dateStatus, _plan.DateOrder));
            bad = true;
        }

        if (amountStatus != AmountStatus.Ok)
        {
            AddError(line, _amount, amountText, AmountParser.Describe(amountStatus));
            bad = true;
        }

        if (bad)
        {
            RowsRejected++;
            return null;
        }

        Total += amount;
        _sectionTotal += amount;
        RowsLoaded++;
        return new Transaction
        {
            Date = date,
            Amount = amount,
            Supplier = Text(row, _supplier, ColumnRole.Supplier),
            SupplierId = Text(row, _supplierId, ColumnRole.SupplierId),
            Body = Text(row, _body, ColumnRole.Body),
            Reference = _reference < 0 || _reference >= row.Count ? null : NullIfEmpty(row[_reference].Trim()),
            ExpenseType = Text(row, _expenseType, ColumnRole.ExpenseType),
            ExpenseArea = Text(row, _expenseArea, ColumnRole.ExpenseArea),
            ServiceCode = Text(row, _serviceCode, ColumnRole.ServiceCode),
            Description = Text(row, _description, ColumnRole.Description),
            ContractReference = Text(row, _contract, ColumnRole.ContractReference),
            InvoiceNumber = Text(row, _invoice, ColumnRole.InvoiceNumber),
            SourceRow = line,
        };
    }

    /// <summary>The notes that summarise what was skipped, in a fixed order after the plan's own notes.</summary>
    public IEnumerable<string> SummaryNotes()
    {
        foreach (var note in _footerNotes)
        {
            yield return note;
        }

        if (_footers > _footerNotes.Count)
        {
            yield return $"{_footers - _footerNotes.Count} more footer total rows skipped";
        }

        if (_skippedLines.Count > 0)
        {
            var listed = string.Join(", ", _skippedLines);
            var more = RowsSkipped > _skippedLines.Count ? $" and {RowsSkipped - _skippedLines.Count} more" : string.Empty;
            yield return $"{RowsSkipped} row(s) with no date and no amount skipped (notes, sub-headings or a repeated header): row {listed}{more}";
        }

        if (BlankRows > 0)
        {
            yield return $"{BlankRows} blank row(s) ignored";
        }

        if (_wider > 0)
        {
            yield return $"{_wider} row(s) have more fields than the header's {_plan.HeaderCount} (first at row {_firstWider}); the extra fields were ignored";
        }

        if (_shorter > 0)
        {
            yield return $"{_shorter} row(s) have fewer fields than the header's {_plan.HeaderCount} (first at row {_firstShorter}); the missing fields were read as empty";
        }

        if (ErrorCount > Errors.Count)
        {
            yield return $"{ErrorCount - Errors.Count} more error(s) not listed";
        }
    }

    private static bool IsBlank<TRow>(scoped in TRow row)
        where TRow : IRawRow, allows ref struct
    {
        for (var i = 0; i < row.Count; i++)
        {
            if (!row[i].IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }

    private static ReadOnlySpan<char> Cell<TRow>(scoped in TRow row, int index)
        where TRow : IRawRow, allows ref struct =>
        index >= 0 && index < row.Count ? row[index].Trim() : [];

    private static string? NullIfEmpty(ReadOnlySpan<char> text) => text.IsEmpty ? null : text.ToString();

    private string? Text<TRow>(scoped in TRow row, int index, ColumnRole role)
        where TRow : IRawRow, allows ref struct =>
        index >= 0 && index < row.Count ? _pools[(int)role].Get(row[index].Trim()) : null;

    private void CheckWidth<TRow>(scoped in TRow row, int line)
        where TRow : IRawRow, allows ref struct
    {
        if (_plan.HeaderCount == 0)
        {
            return;
        }

        if (row.Count < _plan.HeaderCount)
        {
            if (_shorter++ == 0)
            {
                _firstShorter = line;
            }
        }
        else if (row.Count > _plan.HeaderCount)
        {
            for (var i = _plan.HeaderCount; i < row.Count; i++)
            {
                if (!row[i].IsWhiteSpace())
                {
                    if (_wider++ == 0)
                    {
                        _firstWider = line;
                    }

                    return;
                }
            }
        }
    }

    private static int CountNonEmpty<TRow>(scoped in TRow row)
        where TRow : IRawRow, allows ref struct
    {
        var count = 0;
        for (var i = 0; i < row.Count; i++)
        {
            if (!row[i].IsWhiteSpace())
            {
                count++;
            }
        }

        return count;
    }

    private bool IsFooter<TRow>(scoped in TRow row, decimal amount)
        where TRow : IRawRow, allows ref struct
    {
        var saysTotal = false;
        for (var i = 0; i < row.Count; i++)
        {
            if (i == _amount)
            {
                continue;
            }

            var cell = row[i].Trim();
            if (cell.StartsWith("total", StringComparison.OrdinalIgnoreCase) || cell.StartsWith("grand total", StringComparison.OrdinalIgnoreCase) ||
                cell.StartsWith("sum", StringComparison.OrdinalIgnoreCase) || cell.StartsWith("sub total", StringComparison.OrdinalIgnoreCase) ||
                cell.StartsWith("subtotal", StringComparison.OrdinalIgnoreCase))
            {
                saysTotal = true;
                break;
            }
        }

        var matchesTotal = amount != 0m && (amount == Total || amount == _sectionTotal);
        if (!saysTotal && !matchesTotal)
        {
            return false;
        }

        _footers++;
        RowsSkipped++;
        _sectionTotal = 0m;
        if (_footerNotes.Count < MaxListedNotes)
        {
            var why = matchesTotal ? "it equals the sum of the rows above" : "it is labelled as a total";
            _footerNotes.Add(string.Create(CultureInfo.InvariantCulture, $"footer total row {row.Line} ({amount:N2}) skipped: it has no date and {why}"));
        }

        return true;
    }

    private bool IsRepeatedHeader<TRow>(scoped in TRow row)
        where TRow : IRawRow, allows ref struct
    {
        if (_amount >= _plan.Headers.Length)
        {
            return false;
        }

        var header = _plan.Headers[_amount].AsSpan().Trim();
        return !header.IsEmpty && Cell(row, _amount).Equals(header, StringComparison.OrdinalIgnoreCase);
    }

    private void Skip(int line)
    {
        RowsSkipped++;
        if (_skippedLines.Count < MaxListedNotes)
        {
            _skippedLines.Add(line);
        }
    }

    private void AddError(int line, int column, ReadOnlySpan<char> value, string message)
    {
        ErrorCount++;
        if (Errors.Count < _maxErrors)
        {
            Errors.Add(new ImportError(_fileName, line, _plan.ColumnName(column), value.ToString(), message));
        }
    }
}
