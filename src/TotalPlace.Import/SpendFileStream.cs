using System.Collections;
using nietras.SeparatedValues;
using TotalPlace.Core.Spending;
using TotalPlace.Import.Rows;
using TotalPlace.Import.Text;

namespace TotalPlace.Import;

/// <summary>A spend file read once, front to back, for files too big to hold: the header, encoding, delimiter and
/// date order are decided from the first part of the file when it is opened; <see cref="Transactions"/> then yields
/// each accepted line as it is parsed.</summary>
/// <remarks>
/// <para>The store commits <see cref="Transactions"/> inside one database transaction. When the file has errors and
/// <see cref="SpendReadOptions.AllowPartial"/> is false, the enumerator throws <see cref="ImportRejectedException"/>
/// after the last row, so the store rolls back and nothing is half-loaded. A file that cannot be read at all (no
/// header, not a spreadsheet) throws on the first <c>MoveNext</c> whatever the options.</para>
/// <para>Counts, errors, notes, the total and the SHA-256 are final once enumeration has finished
/// (<see cref="IsComplete"/>).</para>
/// </remarks>
public sealed class SpendFileStream : IDisposable
{
    private readonly HashingStream _input;
    private readonly SpendReadOptions _options;
    private readonly SpendFilePlan _plan;
    private readonly SpendRowInterpreter _interpreter;
    private readonly DetectedText? _text;
    private readonly List<(string Sheet, List<RawRecord> Records, SpendFilePlan Plan)>? _sheets;
    private readonly List<SpendFileBlock> _leftOut = [];
    private readonly List<string> _sheetNames = [];
    private readonly List<ImportError> _fileErrors = [];
    private readonly bool _throwOnErrors;
    private readonly string _encoding = "binary";
    private bool _started;
    private string? _sha256;

    private SpendFileStream(Stream stream, string fileName, SpendReadOptions options, bool leaveOpen, int sniffBytes, bool throwOnErrors)
    {
        FileName = fileName;
        _options = options;
        _throwOnErrors = throwOnErrors;
        _input = new HashingStream(stream, leaveOpen);
        _input.ReadPrefix(sniffBytes);
        var format = FileSniffer.DetectFormat(_input.Prefix, out var unsupported);
        if (format is null)
        {
            Format = SpendFileFormat.Csv;
            _encoding = "unknown";
            _plan = SpendFilePlan.Refused(new ImportError(fileName, 0, string.Empty, string.Empty, unsupported!));
        }
        else if (format == SpendFileFormat.Csv)
        {
            Format = SpendFileFormat.Csv;
            _text = TextSniffer.Detect(_input.Prefix);
            var sampleText = _text.Encoding.GetString(_input.Prefix[_text.PreambleLength..]);
            Delimiter = FileSniffer.DetectDelimiter(sampleText);
            var sample = FileSniffer.ReadRecords(sampleText, Delimiter.Value, int.MaxValue, dropLast: !_input.ReachedEnd, out var tooLongAfter);
            _plan = tooLongAfter is { } after
                ? SpendFilePlan.Refused(new ImportError(fileName, after + 1, string.Empty, string.Empty, TooLongRow(after)))
                : SpendFilePlan.Create(fileName, sample, options);
            _input.SkipPrefix(_text.PreambleLength);
        }
        else
        {
            Format = format.Value;
            using var whole = new MemoryStream();
            _input.CopyTo(whole);
            _sha256 = _input.Finish();
            whole.Position = 0;
            List<(string Sheet, List<RawRecord> Records)> sheets;
            var refused = format == SpendFileFormat.Xlsx ? WorkbookGuard.CheckXlsx(whole, fileName) : null;
            whole.Position = 0;
            try
            {
                sheets = refused is null ? FileSniffer.ReadWorkbook(whole) : [];
            }
            catch (WorkbookLimitException limit)
            {
                sheets = [];
                _plan = SpendFilePlan.Refused(new ImportError(fileName, limit.Row, limit.Column, string.Empty, limit.Message));
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or ExcelDataReader.Exceptions.ExcelReaderException or InvalidOperationException or ArgumentException or NotSupportedException
                or System.Xml.XmlException or FormatException or IndexOutOfRangeException or OverflowException or NullReferenceException or OutOfMemoryException or InvalidCastException or EndOfStreamException)
            {
                sheets = [];
                _plan = SpendFilePlan.Refused(new ImportError(fileName, 0, string.Empty, string.Empty,
                    $"the file looks like a {(format == SpendFileFormat.Xls ? "legacy .xls" : ".xlsx")} workbook but cannot be read ({ex.Message}); it may be damaged or cut short: save it from the spreadsheet program again"));
            }

            if (refused is not null)
            {
                _plan = SpendFilePlan.Refused(refused);
            }
            else if (sheets.Count > 0 && sheets.All(s => s.Records.All(r => r.IsBlank)) && _plan is null)
            {
                _plan = SpendFilePlan.Refused(new ImportError(fileName, 0, string.Empty, string.Empty,
                    $"the workbook has no data: {(sheets.Count == 1 ? "its one sheet is" : $"all {sheets.Count} sheets are")} empty; a nil return is a workbook with its header row and no lines"));
            }

            var missingSheet = _plan is null && options.Sheet is { } named && !sheets.Any(s => SameSheet(s.Sheet, named));
            if (options.Sheet is { } wanted && !missingSheet)
            {
                sheets = [.. sheets.Where(s => SameSheet(s.Sheet, wanted))];
            }

            if (missingSheet)
            {
                _plan = SpendFilePlan.Refused(new ImportError(fileName, 0, string.Empty, options.Sheet!,
                    $"the workbook has no sheet '{options.Sheet}' (sheets: {string.Join(", ", sheets.Select(s => s.Sheet))})"));
            }
            else if (sheets.Count > 0 && _plan is null)
            {
                (_sheets, _plan) = PlanSheets(fileName, sheets, options);
            }
            else
            {
                _plan ??= SpendFilePlan.Refused(new ImportError(fileName, 0, string.Empty, string.Empty,
                    "the workbook has no sheets; it may be damaged: save it from the spreadsheet program again"));
            }
        }

        _interpreter = new SpendRowInterpreter(fileName, _plan, options);
        Transactions = new TransactionSequence(this);
    }

    /// <summary>The file name as given.</summary>
    public string FileName { get; }

    public SpendFileFormat Format { get; }

    /// <summary>The text encoding detected (e.g. "utf-8", "windows-1252", "mixed utf-8 and windows-1252"); "binary" for
    /// workbooks. Decided from the first part of the file when opened, and corrected once the file has been read if
    /// legacy bytes turned up later (the decoding itself is right either way).</summary>
    public string Encoding => _text?.FinalName ?? _encoding;

    /// <summary>The delimiter detected; null for workbooks.</summary>
    public char? Delimiter { get; }

    /// <summary>The 1-based row of the header; 0 when there is none.</summary>
    public int HeaderRow => _plan.HeaderLine;

    /// <summary>The columns used, resolved (numbers and header texts), with the date order; editable and passable back.</summary>
    public ColumnMapping Mapping => _plan.Mapping;

    /// <summary>The accepted lines, parsed lazily; can be enumerated once.</summary>
    public IEnumerable<Transaction> Transactions { get; }

    /// <summary>True once every row has been read.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>File-level problems known at open (no header, unreadable file) plus row errors found so far.</summary>
    public IReadOnlyList<ImportError> Errors => [.. _plan.FileErrors, .. _fileErrors, .. _interpreter.Errors];

    /// <summary>True when the file as a whole is refused (no header, unreadable, cut short, a field too large): no
    /// line of it may be stored, whatever the options.</summary>
    public bool IsRefusedWhole => _plan.FileErrors.Count > 0 || _fileErrors.Count > 0;

    /// <summary>All errors found, including those beyond <see cref="SpendReadOptions.MaxErrors"/>.</summary>
    public int ErrorCount => _plan.FileErrors.Count + _fileErrors.Count + _interpreter.ErrorCount;

    /// <summary>What the reader decided or skipped (header row, columns chosen and why, date order, sheets and
    /// blocks, footer totals, blank rows, amounts rounded); notes that start "warning:" name money that may be
    /// missing.</summary>
    public IReadOnlyList<string> Notes => [.. _plan.Notes, .. _interpreter.NewBlockNotes, .. BlockNotes(), .. _interpreter.SummaryNotes()];

    /// <summary>Every sheet and block of the file, in order, with its rows and total, and every sheet left out with
    /// the reason; complete once <see cref="IsComplete"/>.</summary>
    public IReadOnlyList<SpendFileBlock> Blocks =>
        [.. _interpreter.Blocks.Concat(_leftOut).OrderBy(b => b.Sheet is null ? -1 : _sheetNames.IndexOf(b.Sheet))];

    public int RowsRead => _interpreter.RowsRead;

    public int RowsLoaded => _interpreter.RowsLoaded;

    public int RowsRejected => _interpreter.RowsRejected;

    /// <summary>Rows after the header that are not transactions and carry no money of their own (footer totals,
    /// notes, repeated headers).</summary>
    public int RowsSkipped => _interpreter.RowsSkipped;

    /// <summary>The sum of the accepted lines.</summary>
    public decimal Total => _interpreter.Total;

    /// <summary>Lower-case hex SHA-256 of the file's bytes; available once <see cref="IsComplete"/>.</summary>
    public string Sha256 => _sha256 is not null && IsComplete
        ? _sha256
        : throw new InvalidOperationException("The SHA-256 is known only after the file has been read to the end; enumerate Transactions first.");

    /// <summary>Opens a spend file on disk for one streaming pass.</summary>
    public static SpendFileStream Open(string path, SpendReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            var opts = options ?? SpendReadOptions.Default;
            return new SpendFileStream(file, Path.GetFileName(path), opts, leaveOpen: false, opts.SniffBytes, throwOnErrors: true);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Opens a spend file from a stream (an upload) for one streaming pass.</summary>
    public static SpendFileStream Open(Stream stream, string fileName, SpendReadOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var opts = options ?? SpendReadOptions.Default;
        return new SpendFileStream(stream, fileName, opts, leaveOpen, opts.SniffBytes, throwOnErrors: true);
    }

    /// <summary>Opens a stream for a reader that collects every line and error rather than committing: the
    /// enumerator never throws for row errors (file-level problems are in <see cref="Errors"/> before enumerating).</summary>
    internal static SpendFileStream OpenForRead(Stream stream, string fileName, SpendReadOptions options) =>
        new(stream, fileName, options, leaveOpen: true, options.SniffBytes, throwOnErrors: false);

    /// <summary>Reads the rest of the input so that <see cref="Sha256"/> is known without enumerating (a file with
    /// file-level problems).</summary>
    internal void Drain()
    {
        _sha256 ??= _input.Finish();
        Complete();
    }

    internal static SpendFileStream OpenInMemory(byte[] content, string fileName, SpendReadOptions options) =>
        new(new MemoryStream(content, writable: false), fileName, options, leaveOpen: false, content.Length + 1, throwOnErrors: false);

    public void Dispose() => _input.Dispose();

    private static string TooLongRow(int after) =>
        $"the row after row {after} is longer than 16 MiB, the most one row may hold (a field that large, or a quote never closed); a spend file's fields are short text, so the file is refused";

    private static bool SameSheet(string sheet, string named) =>
        string.Equals(sheet.Trim(), named.Trim(), StringComparison.OrdinalIgnoreCase);

    private IEnumerator<Transaction> Enumerate()
    {
        if (_started)
        {
            throw new InvalidOperationException("A spend file stream can be enumerated only once; open the file again.");
        }

        _started = true;
        if (_plan.FileErrors.Count > 0 || _fileErrors.Count > 0)
        {
            Complete();
            throw new ImportRejectedException(FileName, [.. _plan.FileErrors, .. _fileErrors], _plan.FileErrors.Count + _fileErrors.Count);
        }

        if (_plan.IsNilReturn)
        {
            Complete();
            return Enumerable.Empty<Transaction>().GetEnumerator();
        }

        return _sheets is not null ? new WorkbookEnumerator(this) : new CsvEnumerator(this);
    }

    private void Complete()
    {
        _sha256 ??= _input.Finish();
        if (!IsComplete)
        {
            _interpreter.CloseBlock();
            var loadedNothing = RowsLoaded == 0 && (RowsRejected > 0 ? _options.AllowPartial : _interpreter.SkippedWithData > 0);
            if (loadedNothing && _plan.FileErrors.Count == 0)
            {
                _fileErrors.Add(new ImportError(FileName, 0, string.Empty, string.Empty,
                    RowsRejected > 0
                        ? $"nothing could be loaded: all {RowsRejected} row(s) with data were rejected; no batch was made, so the file can be imported again with a better mapping"
                        : $"nothing was loaded: {_interpreter.SkippedWithData} row(s) hold data but no date or amount in the columns used ({_plan.ColumnName(_plan[ColumnRole.Date])}, {_plan.ColumnName(_plan[ColumnRole.Amount])}); no batch was made, so the file can be imported again with a better mapping"));
            }
            else if (RowsLoaded == 0 && RowsRejected == 0 && _plan.FileErrors.Count == 0 && _fileErrors.Count == 0 && !_plan.IsNilReturn && _plan.HeaderLine > 0)
            {
                _plan.Notes.Add($"nil return: the file has its header (row {_plan.HeaderLine}) and no lines of spend; stored as an empty batch so the period is on record");
            }
        }

        IsComplete = true;
    }

    private IEnumerable<string> BlockNotes()
    {
        if (!IsComplete)
        {
            yield break;
        }

        var blocks = Blocks;
        if (blocks.Count <= 1 && blocks.All(b => b.IsLoaded))
        {
            yield break;
        }

        foreach (var block in blocks)
        {
            var where = block.Sheet is null ? "file" : $"sheet '{block.Sheet}'";
            if (!block.IsLoaded)
            {
                yield return $"{where} left out: {block.LeftOut}";
                if (block.MoneyLikeValues > 0)
                {
                    yield return $"warning: {where} was not loaded but holds {block.MoneyLikeValues} money-like value(s); if they are spend not published elsewhere in the file, import that sheet on its own or give its header in a mapping";
                }

                continue;
            }

            var rows = block.FirstRow == 0 ? "no rows" : $"rows {block.FirstRow}-{block.LastRow}";
            yield return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{where}, header row {block.HeaderRow}, {rows}: {block.RowsLoaded} line(s) loaded, {block.RowsRejected} rejected, total {block.Total:N2} (amount in '{block.AmountColumn}')");
        }
    }

    private (List<(string Sheet, List<RawRecord> Records, SpendFilePlan Plan)> Sheets, SpendFilePlan First) PlanSheets(
        string fileName, List<(string Sheet, List<RawRecord> Records)> sheets, SpendReadOptions options)
    {
        var read = new List<(string, List<RawRecord>, SpendFilePlan)>();
        SpendFilePlan? fallback = null;
        foreach (var (sheet, records) in sheets)
        {
            _sheetNames.Add(sheet);
            var plan = SpendFilePlan.Create($"{fileName} sheet '{sheet}'", records, options);
            if (plan.FileErrors.Count == 0 && !plan.IsNilReturn)
            {
                read.Add((sheet, records, plan));
                continue;
            }

            if (fallback is null || (plan.LacksPeriod && !fallback.LacksPeriod))
            {
                fallback = plan;
            }

            if (plan.HeaderLine > 0 && !plan.LacksPeriod)
            {
                // A header was found but the columns cannot be settled (an ambiguous amount): the sheet's money
                // cannot be counted, so the file is refused rather than read without it.
                _fileErrors.AddRange(plan.FileErrors);
                continue;
            }

            _leftOut.Add(LeftOut(sheet, records, plan.LacksPeriod));
        }

        if (read.Count == 0)
        {
            _leftOut.Clear();
            return (read, fallback!);
        }

        if (sheets.Count > 1)
        {
            read[0].Item3.Notes.Insert(0, $"workbook has {sheets.Count} sheets; {read.Count} read ({string.Join(", ", read.Select(r => $"'{r.Item1}'"))})" +
                (_leftOut.Count == 0 ? string.Empty : $", {_leftOut.Count} left out"));
        }

        return (read, read[0].Item3);
    }

    private static SpendFileBlock LeftOut(string sheet, List<RawRecord> records, bool amountsWithoutDates)
    {
        var nonBlank = records.Count(r => !r.IsBlank);
        var moneyLike = records.Sum(r => r.Cells.Count(IsMoneyLike));
        var name = sheet.ToLowerInvariant();
        string reason;
        if (nonBlank == 0)
        {
            reason = "the sheet is empty";
        }
        else if (name.Contains("summary", StringComparison.Ordinal) || name.Contains("pivot", StringComparison.Ordinal) || name.Contains("total", StringComparison.Ordinal))
        {
            reason = "a summary or pivot sheet (its name says so, and it has no header naming a date and an amount column)";
        }
        else if (name.Contains("lookup", StringComparison.Ordinal) || name.Contains("list", StringComparison.Ordinal) || name.Contains("code", StringComparison.Ordinal) || name.Contains("key", StringComparison.Ordinal))
        {
            reason = "a lookup sheet (its name says so, and it has no header naming a date and an amount column)";
        }
        else if (amountsWithoutDates)
        {
            reason = "amounts with no date column (a summary of totals); if it is spend not in the other sheets, import it on its own with the period it covers";
        }
        else if (moneyLike == 0)
        {
            reason = $"no header naming a date and an amount column and no money in its {nonBlank} row(s) (notes or a cover sheet)";
        }
        else
        {
            reason = $"no header naming a date and an amount column in its {nonBlank} row(s)";
        }

        return new SpendFileBlock(sheet, 0, 0, 0, 0, 0, 0m, null, reason, moneyLike);
    }

    /// <summary>A cell that reads as money and is not a small whole number (a count, a day, a line number).</summary>
    private static bool IsMoneyLike(string cell)
    {
        if (string.IsNullOrWhiteSpace(cell) || !AmountParser.TryParse(cell, out var amount))
        {
            return false;
        }

        return decimal.Truncate(amount) != amount || Math.Abs(amount) >= 100m;
    }

    private void Finish()
    {
        Complete();
        if (_throwOnErrors && ErrorCount > 0 && (!_options.AllowPartial || _fileErrors.Count > 0))
        {
            throw new ImportRejectedException(FileName, Errors, ErrorCount);
        }
    }

    private sealed class TransactionSequence(SpendFileStream owner) : IEnumerable<Transaction>
    {
        public IEnumerator<Transaction> GetEnumerator() => owner.Enumerate();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class CsvEnumerator : IEnumerator<Transaction>
    {
        private readonly SpendFileStream _owner;
        private readonly TailTrackingReader _textReader;
        private readonly SepReader _reader;
        private bool _done;
        private int _lastLine;
        private int _lastCount;
        private int _previousCount;
        private readonly char[] _lastCell = new char[200];
        private int _lastCellLength;

        public CsvEnumerator(SpendFileStream owner)
        {
            _owner = owner;
            _textReader = new TailTrackingReader(
                new StreamReader(owner._input, owner._text!.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true),
                owner.Delimiter!.Value);
            _reader = FileSniffer.OpenSep(_textReader, owner.Delimiter!.Value);
        }

        public Transaction Current { get; private set; } = null!;

        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_done)
            {
                return false;
            }

            var headerLine = _owner._plan.HeaderLine;
            var interpreter = _owner._interpreter;
            while (NextRow())
            {
                var row = _reader.Current;
                var line = SepRawRow.LineOf(row);
                if (row.ColCount > 1 || row[0].Span.Trim().Length > 0)
                {
                    _previousCount = _lastCount;
                    (_lastLine, _lastCount) = (line, row.ColCount);
                    var cell = row[row.ColCount - 1].Span;
                    _lastCellLength = Math.Min(cell.Length, _lastCell.Length);
                    cell[.._lastCellLength].CopyTo(_lastCell);
                }

                if (line <= headerLine)
                {
                    continue;
                }

                if (TooLongField(row) is { } tooLong)
                {
                    _owner._fileErrors.Add(tooLong);
                    break;
                }

                var transaction = interpreter.Interpret(new SepRawRow(row));
                if (transaction is not null)
                {
                    Current = transaction;
                    return true;
                }
            }

            _done = true;
            CheckLastLine();
            _owner.Finish();
            return false;
        }

        /// <summary>Moves to the next row; a row Sep cannot hold (a field beyond its buffer) ends the file with an
        /// error naming the line where it starts.</summary>
        private bool NextRow()
        {
            if (_owner._fileErrors.Count > 0)
            {
                return false;
            }

            try
            {
                return _reader.MoveNext();
            }
            catch (Exception ex) when (ex is NotSupportedException or ArgumentException or InvalidOperationException or OutOfMemoryException)
            {
                _owner._fileErrors.Add(new ImportError(_owner.FileName, _lastLine + 1, string.Empty, string.Empty, TooLongRow(_lastLine)));
                return false;
            }
        }

        private ImportError? TooLongField(SepReader.Row row)
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                if (row[i].Span.Length > SpendFileLimits.MaxFieldChars)
                {
                    var line = SepRawRow.LineOf(row);
                    return new ImportError(_owner.FileName, line, _owner._plan.ColumnName(i), row[i].Span[..40].ToString(),
                        $"the field is {row[i].Span.Length:N0} characters long, more than the {SpendFileLimits.MaxFieldChars:N0} a spend file's field may hold (a spreadsheet cell holds at most 32,767); a quote may be missing its closing quote");
                }
            }

            return null;
        }

        /// <summary>A last line with no end-of-line that ends inside a quote, or has fewer fields than the header and
        /// the line before it, was probably cut short (a partial download or copy): its last amount may be a fragment
        /// of the published one, so the file is refused unless the user accepts that line.</summary>
        private void CheckLastLine()
        {
            if (_owner._options.AcceptTruncatedLastLine || _textReader.EndsWithLineEnd || _lastLine <= _owner._plan.HeaderLine || _owner._fileErrors.Count > 0)
            {
                return;
            }

            var plan = _owner._plan;
            var fewer = plan.HeaderCount > 0 && _lastCount < plan.HeaderCount && (_previousCount == 0 || _lastCount < _previousCount);
            if (!_textReader.InsideQuote && !fewer)
            {
                return;
            }

            var why = _textReader.InsideQuote
                ? "ends inside a quoted field that is never closed"
                : $"has {_lastCount} field{(_lastCount == 1 ? string.Empty : "s")} where the header has {plan.HeaderCount}";
            _owner._fileErrors.Add(new ImportError(_owner.FileName, _lastLine, plan.ColumnName(_lastCount - 1), new string(_lastCell, 0, _lastCellLength),
                $"{ImportError.TruncatedLastLineMessage} and {why}: the file looks cut short, so its last value may be a fragment of the published one; get the whole file again, or accept the last line as it is (--accept-truncated-last-line, or the tick box on the review page)"));
        }

        public void Reset() => throw new NotSupportedException();

        public void Dispose()
        {
            _reader.Dispose();
            _textReader.Dispose();
        }
    }

    private sealed class WorkbookEnumerator(SpendFileStream owner) : IEnumerator<Transaction>
    {
        private int _sheet;
        private int _next;
        private bool _done;

        public Transaction Current { get; private set; } = null!;

        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_done)
            {
                return false;
            }

            var sheets = owner._sheets!;
            while (_sheet < sheets.Count)
            {
                var (name, rows, plan) = sheets[_sheet];
                if (_next == 0 && owner._sheetNames.Count > 1)
                {
                    owner._interpreter.BeginSheet(name, plan);
                }

                while (_next < rows.Count)
                {
                    var record = rows[_next++];
                    if (record.Line <= plan.HeaderLine)
                    {
                        continue;
                    }

                    var transaction = owner._interpreter.Interpret(record);
                    if (transaction is not null)
                    {
                        Current = transaction;
                        return true;
                    }
                }

                _sheet++;
                _next = 0;
            }

            _done = true;
            owner.Finish();
            return false;
        }

        public void Reset() => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }
}
