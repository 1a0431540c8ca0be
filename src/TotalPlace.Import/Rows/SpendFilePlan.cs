using System.Globalization;
using TotalPlace.Import.Headers;

namespace TotalPlace.Import.Rows;

/// <summary>What was decided about a spend file before its rows are read: where the header is, which column holds
/// each role, how dates and amounts are written.</summary>
internal sealed class SpendFilePlan
{
    public const int HeaderSearchRecords = 500;

    public int HeaderLine { get; private init; }

    public string[] Headers { get; private init; } = [];

    public int HeaderCount { get; private init; }

    public int[] Columns { get; } = Enumerable.Repeat(-1, Enum.GetValues<ColumnRole>().Length).ToArray();

    public ColumnMapping Mapping { get; private set; } = ColumnMapping.Empty;

    /// <summary>Null when the file has conflicting day-first and month-first evidence: only self-evident dates are read.</summary>
    public DateOrder? DateOrder { get; private set; } = Import.DateOrder.DayFirst;

    public bool DecimalComma { get; private set; }

    public bool IsNilReturn { get; private init; }

    /// <summary>True when the header names an amount but no date and no period was given: an aggregate file, or in
    /// a workbook a summary sheet.</summary>
    public bool LacksPeriod { get; private init; }

    /// <summary>Set when the file has no date column and the user gave the period it covers: every line is dated
    /// the period's first day.</summary>
    public SpendPeriod? Period { get; private set; }

    public List<ImportError> FileErrors { get; } = [];

    public List<string> Notes { get; } = [];

    public int this[ColumnRole role] => Columns[(int)role];

    public string ColumnName(int index) => HeaderText.Display(index < Headers.Length ? Headers[index] : null, index);

    public static SpendFilePlan Create(string fileName, IReadOnlyList<RawRecord> sample, SpendReadOptions options)
    {
        var mapping = options.Mapping ?? ColumnMapping.Empty;
        var nonBlank = sample.Where(r => !r.IsBlank).ToList();
        if (nonBlank.Count == 0)
        {
            return Refused(new ImportError(fileName, 0, string.Empty, string.Empty,
                "the file has no data: it is empty or holds only blank lines; a nil return is a file with its header row and no lines"));
        }

        int headerIndex;
        if (mapping.HeaderRow is { } headerRow)
        {
            headerIndex = headerRow == 0 ? -1 : nonBlank.FindIndex(r => r.Line == headerRow);
            if (headerRow > 0 && headerIndex < 0)
            {
                var failed = new SpendFilePlan();
                failed.FileErrors.Add(new ImportError(fileName, headerRow, string.Empty, string.Empty,
                    $"the mapping says the header is on row {headerRow}, but that row is blank or beyond the first {sample.Count} rows"));
                return failed;
            }
        }
        else
        {
            var named = mapping.Columns.Values.Where(c => c.Number is null && c.Header is not null)
                .Select(c => HeaderText.Normalise(c.Header)).ToList();
            var search = nonBlank.Take(HeaderSearchRecords).ToList();
            headerIndex = named.Count > 0
                ? search.FindIndex(r => named.All(n => r.Cells.Any(cell => HeaderText.Normalise(cell) == n)))
                : -1;
            if (headerIndex < 0)
            {
                // A role the mapping gives by number need not be named in the header.
                var required = SpendRoles.Required.Where(r => mapping[r]?.Number is null).ToArray();
                headerIndex = SpendRoles.Matcher.FindHeader(search.Select(r => r.Cells).ToList(), required);
                if (headerIndex < 0 && mapping[ColumnRole.Date] is null)
                {
                    var amountOnly = SpendRoles.Matcher.FindHeader(search.Select(r => r.Cells).ToList(), [.. required.Where(r => r != ColumnRole.Date)]);
                    if (amountOnly >= 0 && HasAmountsBelow(search, amountOnly))
                    {
                        if (options.Period is null)
                        {
                            var aggregate = new SpendFilePlan { HeaderLine = search[amountOnly].Line, LacksPeriod = true };
                            aggregate.FileErrors.Add(new ImportError(fileName, search[amountOnly].Line, string.Empty, string.Empty,
                                "the file has an amount column but no date column: an aggregate file (one total per supplier or heading) is imported only " +
                                "with the period it covers; give it (--period 2011-01 for a month, --period 2023-24 for a fiscal year, or the period field on the upload form)"));
                            return aggregate;
                        }

                        headerIndex = nonBlank.FindIndex(r => r.Line == search[amountOnly].Line);
                    }
                }
            }

            if (headerIndex < 0)
            {
                var looksNil = nonBlank.Count <= 5 && !nonBlank.Any(r => r.Cells.Any(c => AmountParser.TryParse(c, out _) && c.Trim().Length > 0))
                    && nonBlank.Any(r => r.Cells.Any(StatesNilReturn));
                var noHeader = new SpendFilePlan { IsNilReturn = looksNil };
                if (looksNil)
                {
                    noHeader.Notes.Add($"no header and no amounts ('{Shorten(string.Join(' ', nonBlank[0].Cells).Trim())}'): read as a nil return, an empty batch");
                }
                else
                {
                    noHeader.FileErrors.Add(new ImportError(fileName, 0, string.Empty, string.Empty,
                        $"no header row found in the first {search.Count} row{(search.Count == 1 ? string.Empty : "s")}: a header must name at least a date and an amount column " +
                        "(e.g. 'Date', 'Amount'); give the header row or the columns in a mapping file"));
                }

                return noHeader;
            }
        }

        var headers = headerIndex >= 0 ? nonBlank[headerIndex].Cells : [];
        var headerCount = headers.Length;
        while (headerCount > 0 && string.IsNullOrWhiteSpace(headers[headerCount - 1]))
        {
            headerCount--;
        }

        var plan = new SpendFilePlan
        {
            HeaderLine = headerIndex >= 0 ? nonBlank[headerIndex].Line : 0,
            Headers = headers,
            HeaderCount = headerCount,
        };
        var body = headerIndex >= 0 ? nonBlank.Skip(headerIndex + 1).TakeWhile(r => !LooksLikeHeader(r)).ToList() : nonBlank;
        plan.Resolve(fileName, mapping, body, options);
        if (plan.FileErrors.Count > 0)
        {
            return plan;
        }

        if (plan.HeaderLine > 1)
        {
            plan.Notes.Add($"header found on row {plan.HeaderLine}; the {plan.HeaderLine - 1} row(s) above it (title, banner or blank) were skipped");
        }

        plan.DecideDateOrder(body, options.DateOrder ?? mapping.DateOrder);
        plan.DecideDecimalComma(body, mapping.DecimalComma);
        return plan;
    }

    /// <summary>A plan that reads nothing because the file is refused as a whole.</summary>
    public static SpendFilePlan Refused(ImportError error)
    {
        var plan = new SpendFilePlan();
        plan.FileErrors.Add(error);
        return plan;
    }

    /// <summary>True when a header-less line says in words that there was nothing to publish ("NIL RETURN", "There
    /// were no payments over £25,000 in May 2013"): a statement, not a damaged file.</summary>
    private static bool StatesNilReturn(string cell)
    {
        var text = cell.Trim();
        return text.Contains("nil return", StringComparison.OrdinalIgnoreCase)
            || text.Contains("no payments", StringComparison.OrdinalIgnoreCase)
            || text.Contains("no transactions", StringComparison.OrdinalIgnoreCase)
            || text.Contains("no expenditure", StringComparison.OrdinalIgnoreCase)
            || text.Contains("no spend", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The plan for a block that starts where a header repeats inside a sheet or file: its own columns,
    /// the enclosing plan's date order and decimal comma (the block's rows are not known in advance).</summary>
    public SpendFilePlan ForBlock(string fileName, RawRecord header, SpendReadOptions options)
    {
        var block = Create(fileName, [header], options with { Mapping = (options.Mapping ?? ColumnMapping.Empty) with { HeaderRow = header.Line } });
        block.DateOrder = DateOrder;
        block.DecimalComma = DecimalComma;
        block.Notes.Clear();
        return block;
    }

    /// <summary>True when a record names a date and an amount column the way a header does: inside a sheet it starts
    /// a new block, whose columns may be in another order than the header above.</summary>
    public static bool LooksLikeHeader(RawRecord record)
    {
        var nonEmpty = 0;
        foreach (var cell in record.Cells)
        {
            if (!string.IsNullOrWhiteSpace(cell))
            {
                nonEmpty++;
                if (AmountParser.TryParse(cell, out _) || DateParser.Classify(cell) is not (DateShape.Empty or DateShape.Invalid))
                {
                    return false;
                }
            }
        }

        if (nonEmpty < 2)
        {
            return false;
        }

        var match = SpendRoles.Matcher.Match(record.Cells);
        return SpendRoles.Required.All(match.ContainsKey);
    }

    private static bool HasAmountsBelow(List<RawRecord> search, int header)
    {
        var amount = SpendRoles.Matcher.Match(search[header].Cells)[ColumnRole.Amount];
        return search.Skip(header + 1).Any(r => amount < r.Count && AmountParser.TryParse(r.Cells[amount], out _) && !string.IsNullOrWhiteSpace(r.Cells[amount]));
    }

    private void Resolve(string fileName, ColumnMapping mapping, List<RawRecord> body, SpendReadOptions options)
    {
        var fixedColumns = new Dictionary<ColumnRole, int>();
        foreach (var (role, column) in mapping.Columns)
        {
            if (column.Number is { } number)
            {
                fixedColumns[role] = number - 1;
                continue;
            }

            var wanted = HeaderText.Normalise(column.Header);
            var index = Array.FindIndex(Headers, h => HeaderText.Normalise(h) == wanted);
            if (index < 0)
            {
                FileErrors.Add(new ImportError(fileName, HeaderLine, column.Header ?? string.Empty, string.Empty,
                    $"the mapping names column '{column.Header}' for {role}, but the header has no such column; the columns are: " +
                    string.Join(", ", Headers.Take(HeaderCount).Select((h, i) => $"'{HeaderText.Display(h, i)}'"))));
                continue;
            }

            fixedColumns[role] = index;
        }

        var matched = HeaderLine > 0 ? SpendRoles.Matcher.Match(Headers.Take(Math.Max(HeaderCount, 1)).ToArray(), fixedColumns) : fixedColumns;
        if (HeaderLine > 0 && !fixedColumns.ContainsKey(ColumnRole.Amount))
        {
            var choice = AmountColumnChoice.Choose(Headers, HeaderCount, body, mapping.DecimalComma, matched.GetValueOrDefault(ColumnRole.Amount, -1));
            if (choice.Error is not null)
            {
                FileErrors.Add(new ImportError(fileName, HeaderLine, "Amount", string.Empty, choice.Error));
            }
            else if (choice.Column >= 0)
            {
                foreach (var taken in matched.Where(m => m.Value == choice.Column && m.Key != ColumnRole.Amount).Select(m => m.Key).ToList())
                {
                    matched.Remove(taken);
                }

                matched[ColumnRole.Amount] = choice.Column;
                Notes.Add(choice.Evidence!);
            }
        }

        var columns = new Dictionary<ColumnRole, MappedColumn>();
        foreach (var (role, index) in matched)
        {
            Columns[(int)role] = index;
            columns[role] = new MappedColumn(index + 1, index < Headers.Length ? HeaderText.Display(Headers[index], index) : null);
        }

        if (!matched.ContainsKey(ColumnRole.Date) && options.Period is { } period && HeaderLine > 0)
        {
            Period = period;
            Notes.Add($"no date column: an aggregate file, every line dated {period.Start:yyyy-MM-dd}, the start of the period given ({period.Label})");
        }

        foreach (var required in SpendRoles.Required)
        {
            if (!matched.ContainsKey(required) && !(required == ColumnRole.Date && Period is not null))
            {
                FileErrors.Add(new ImportError(fileName, HeaderLine, string.Empty, string.Empty,
                    $"no {required.ToString().ToLowerInvariant()} column: none of the headers ({string.Join(", ", Headers.Take(HeaderCount).Select((h, i) => $"'{HeaderText.Display(h, i)}'"))}) " +
                    $"looks like one; name it in a mapping file (\"columns\": {{ \"{required.ToString().ToLowerInvariant()}\": \"...\" }})"));
            }
        }

        var duplicates = Headers.Take(HeaderCount).Select((h, i) => (Name: HeaderText.Normalise(h), Index: i))
            .Where(x => x.Name.Length > 0).GroupBy(x => x.Name).Where(g => g.Count() > 1);
        foreach (var group in duplicates)
        {
            var used = group.FirstOrDefault(x => Columns.Contains(x.Index));
            Notes.Add($"header '{HeaderText.Display(Headers[group.First().Index], group.First().Index)}' appears in columns " +
                $"{string.Join(", ", group.Select(x => x.Index + 1))}" + (used.Name is null ? string.Empty : $"; column {used.Index + 1} is used"));
        }

        if (Columns[(int)ColumnRole.Supplier] < 0)
        {
            Notes.Add("no supplier column found; transactions are loaded without suppliers");
        }

        Mapping = new ColumnMapping { Columns = columns, HeaderRow = HeaderLine, DecimalComma = mapping.DecimalComma };
    }

    private void DecideDateOrder(List<RawRecord> body, DateOrder? given)
    {
        if (given is { } order)
        {
            DateOrder = order;
            Mapping = Mapping with { DateOrder = order };
            return;
        }

        var column = this[ColumnRole.Date];
        if (column < 0)
        {
            return;
        }

        int? dayFirstLine = null, monthFirstLine = null;
        var ambiguous = 0;
        foreach (var record in body)
        {
            if (column >= record.Count)
            {
                continue;
            }

            switch (DateParser.Classify(record.Cells[column]))
            {
                case DateShape.DayFirstOnly:
                    dayFirstLine ??= record.Line;
                    break;
                case DateShape.MonthFirstOnly:
                    monthFirstLine ??= record.Line;
                    break;
                case DateShape.Ambiguous:
                    ambiguous++;
                    break;
            }
        }

        if (monthFirstLine is { } us && dayFirstLine is { } uk)
        {
            DateOrder = null;
            Notes.Add($"dates are mixed: row {uk} is only valid day-first and row {us} only month-first; dates whose day and month are both 12 or less cannot be read until dateOrder is set in a mapping file");
        }
        else if (monthFirstLine is { } usOnly)
        {
            DateOrder = Import.DateOrder.MonthFirst;
            Notes.Add($"dates read month-first (US): row {usOnly} is only valid that way and no row contradicts it");
        }
        else
        {
            DateOrder = Import.DateOrder.DayFirst;
            if (dayFirstLine is null && ambiguous > 0)
            {
                Notes.Add($"no date in the sample settles day-first against month-first ({ambiguous} could be either); read day-first (UK)");
            }
        }

        Mapping = Mapping with { DateOrder = DateOrder };
    }

    private void DecideDecimalComma(List<RawRecord> body, bool given)
    {
        if (given)
        {
            DecimalComma = true;
            return;
        }

        var column = this[ColumnRole.Amount];
        int point = 0, pointFails = 0, commaOk = 0;
        foreach (var record in body.Take(2000))
        {
            if (column >= record.Count || string.IsNullOrWhiteSpace(record.Cells[column]))
            {
                continue;
            }

            var text = record.Cells[column];
            var pointStatus = AmountParser.TryParseCore(text, false, out _);
            if (pointStatus == AmountStatus.Ok)
            {
                point++;
                if (text.Contains('.', StringComparison.Ordinal) && !text.Contains(',', StringComparison.Ordinal))
                {
                    return; // 1234.56 settles it
                }
            }
            else
            {
                pointFails++;
                if (AmountParser.TryParseCore(text, true, out _) == AmountStatus.Ok && text.Contains(',', StringComparison.Ordinal))
                {
                    commaOk++;
                }
            }
        }

        if (commaOk > 0 && commaOk == pointFails)
        {
            DecimalComma = true;
            Mapping = Mapping with { DecimalComma = true };
            Notes.Add(string.Create(CultureInfo.InvariantCulture, $"amounts use a decimal comma (1.234,56): {commaOk} sampled amounts only read that way"));
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
