using System.Globalization;
using TotalPlace.Core.Spending;

namespace TotalPlace.Import.Rows;

/// <summary>Turns records into transactions, one at a time, collecting errors and notes. Shared by the in-memory and
/// streaming readers and by CSV and workbooks, so every path applies the same rules.</summary>
internal sealed class SpendRowInterpreter
{
    private const int MaxListedNotes = 10;

    /// <summary>Amounts this close to a whole penny are a spreadsheet's binary residue (14685.510000000002), not a
    /// published fraction of a penny: a millionth of a penny.</summary>
    private const decimal ResidueTolerance = 0.00000001m;

    /// <summary>The store keeps amounts to a hundredth of a penny; more places than this are refused per row.</summary>
    private const int MaxScale = 4;

    private readonly string _file;
    private readonly SpendReadOptions _options;
    private readonly int _maxErrors;
    private readonly StringPool[] _pools;
    private readonly List<int> _skippedLines = [];
    private readonly List<string> _footerNotes = [];
    private readonly List<string> _roundingExamples = [];
    private readonly List<SpendFileBlock> _blocks = [];
    private string _fileName;
    private string? _sheet;
    private SpendFilePlan _plan;
    private int _date, _amount, _supplier, _supplierId, _body, _reference, _expenseType, _expenseArea, _serviceCode, _description, _contract, _invoice;
    private decimal _sectionTotal;
    private int _wider, _firstWider, _shorter, _firstShorter, _footers, _rounded, _skippedWithData;
    private int _blockLoaded, _blockRejected, _blockFirst, _blockLast;
    private decimal _blockTotal;
    private bool _blockOpen;

    public SpendRowInterpreter(string fileName, SpendFilePlan plan, SpendReadOptions options)
    {
        _file = fileName;
        _fileName = fileName;
        _options = options;
        _plan = plan;
        _maxErrors = options.MaxErrors;
        _pools = Enumerable.Range(0, Enum.GetValues<ColumnRole>().Length).Select(_ => new StringPool()).ToArray();
        Use(plan);
        _blockOpen = true;
    }

    /// <summary>Every block read so far, closed ones first; the open one is added by <see cref="CloseBlock"/>.</summary>
    public IReadOnlyList<SpendFileBlock> Blocks => _blocks;

    /// <summary>Rows that had data in several cells but neither a date nor an amount in the mapped columns: a
    /// mapping that reads nothing from such a file is not a nil return.</summary>
    public int SkippedWithData => _skippedWithData;

    /// <summary>Starts reading another sheet of a workbook with its own plan.</summary>
    public void BeginSheet(string sheet, SpendFilePlan plan)
    {
        if (_sheet is null && _blockLoaded + _blockRejected == 0)
        {
            _blockOpen = false;
        }

        CloseBlock();
        _sheet = sheet;
        _fileName = $"{_file} sheet '{sheet}'";
        _plan = plan;
        Use(plan);
        _blockOpen = true;
    }

    /// <summary>Ends the current block and records it in <see cref="Blocks"/>.</summary>
    public void CloseBlock()
    {
        if (!_blockOpen)
        {
            return;
        }

        _blocks.Add(new SpendFileBlock(
            _sheet, _plan.HeaderLine, _blockFirst, _blockLast, _blockLoaded, _blockRejected, _blockTotal,
            _amount >= 0 ? _plan.ColumnName(_amount) : null, LeftOut: null));
        _blockOpen = false;
        _blockLoaded = _blockRejected = _blockFirst = _blockLast = 0;
        _blockTotal = 0m;
    }

    private void Use(SpendFilePlan plan)
    {
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
        DateOnly date;
        var dateStatus = _date < 0 && _plan.Period is { } period
            ? Dated(period.Start, out date)
            : DateParser.TryParseCore(dateText, _plan.DateOrder, out date);
        var amountStatus = AmountParser.TryParseCore(amountText, _plan.DecimalComma, out var amount);

        if (_date < 0 && amountStatus == AmountStatus.Ok && IsFooter(row, amount))
        {
            return null;
        }

        if (dateStatus is DateShape.Empty or DateShape.Invalid)
        {
            if (amountStatus == AmountStatus.Empty && (dateStatus == DateShape.Empty || CountNonEmpty(row) <= 1))
            {
                // No date and no amount: a note, a sub-heading or a "nil return" line. It carries no money.
                if (CountNonEmpty(row) >= 3)
                {
                    if (StartsNewBlock(row))
                    {
                        return null;
                    }

                    if (!IsRepeatedHeader(row))
                    {
                        _skippedWithData++;
                    }
                }

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

            if (amountStatus != AmountStatus.Ok && StartsNewBlock(row))
            {
                return null;
            }
        }

        if (amountStatus == AmountStatus.Ok && amount.Scale > 2)
        {
            amountStatus = SnapToPenny(line, amountText, ref amount);
        }

        var bad = false;
        if (dateStatus != DateShape.Unambiguous)
        {
            AddError(line, _date, dateText, DateParser.Describe(dateStatus, _plan.DateOrder));
            bad = true;
        }
        else if (!_options.Dates.Contains(date))
        {
            AddError(line, _date, dateText, _options.Dates.Describe(date));
            bad = true;
        }

        if (amountStatus == AmountStatus.TooPrecise)
        {
            AddError(line, _amount, amountText, $"amount has more than {MaxScale} decimal places and is not a whole penny give or take a spreadsheet's rounding residue; the store keeps amounts to a hundredth of a penny and will not round what was published");
            bad = true;
        }
        else if (amountStatus != AmountStatus.Ok)
        {
            AddError(line, _amount, amountText, AmountParser.Describe(amountStatus));
            bad = true;
        }

        if (bad)
        {
            RowsRejected++;
            _blockRejected++;
            MarkBlockRow(line);
            return null;
        }

        MarkBlockRow(line);
        Total += amount;
        _sectionTotal += amount;
        RowsLoaded++;
        _blockLoaded++;
        _blockTotal += amount;
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
        if (_rounded > 0)
        {
            yield return $"{_rounded} amount{(_rounded == 1 ? string.Empty : "s")} rounded to the penny (a spreadsheet's binary residue, within a millionth of a penny): " +
                string.Join("; ", _roundingExamples) + (_rounded > _roundingExamples.Count ? $"; and {_rounded - _roundingExamples.Count} more" : string.Empty);
        }

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

    private static DateShape Dated(DateOnly start, out DateOnly date)
    {
        date = start;
        return DateShape.Unambiguous;
    }

    private void MarkBlockRow(int line)
    {
        if (_blockFirst == 0)
        {
            _blockFirst = line;
        }

        _blockLast = line;
    }

    private AmountStatus SnapToPenny(int line, ReadOnlySpan<char> text, ref decimal amount)
    {
        var penny = Math.Round(amount, 2, MidpointRounding.ToEven);
        if (Math.Abs(amount - penny) <= ResidueTolerance)
        {
            if (amount != penny)
            {
                _rounded++;
                if (_roundingExamples.Count < MaxListedNotes)
                {
                    _roundingExamples.Add(string.Create(CultureInfo.InvariantCulture, $"row {line}: from {text} to {penny}"));
                }
            }

            amount = penny;
            return AmountStatus.Ok;
        }

        var kept = decimal.Round(amount, MaxScale);
        if (kept != amount)
        {
            return AmountStatus.TooPrecise;
        }

        amount = kept;
        return AmountStatus.Ok;
    }

    /// <summary>A row that reads as a header (it names a date and an amount column) and puts them in other columns
    /// than the header in force starts a new block with its own columns: the amount may have moved.</summary>
    private bool StartsNewBlock<TRow>(scoped in TRow row)
        where TRow : IRawRow, allows ref struct
    {
        if (CountNonEmpty(row) < 2)
        {
            return false;
        }

        var cells = new string[row.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = row[i].ToString();
        }

        var record = new RawRecord(row.Line, cells);
        if (!SpendFilePlan.LooksLikeHeader(record))
        {
            return false;
        }

        var block = _plan.ForBlock(_file, record, _options);
        if (block.FileErrors.Count > 0)
        {
            foreach (var error in block.FileErrors)
            {
                AddError(row.Line, -1, string.Empty, error.Message);
            }

            RowsRejected++;
            _blockRejected++;
            return true;
        }

        var sameColumns = block.Columns.SequenceEqual(_plan.Columns);
        CloseBlock();
        _plan = block;
        Use(block);
        _blockOpen = true;
        Skip(row.Line);
        if (!sameColumns)
        {
            NewBlockNotes.Add($"{(_sheet is null ? string.Empty : $"sheet '{_sheet}' ")}row {row.Line}: the header repeats with its columns in another order; the rows below it are read with the new columns (amount in {_plan.ColumnName(_amount)})");
        }

        return true;
    }

    /// <summary>Notes about blocks that started where a header repeated with other columns.</summary>
    public List<string> NewBlockNotes { get; } = [];

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
