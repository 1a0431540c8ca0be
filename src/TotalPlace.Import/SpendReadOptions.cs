namespace TotalPlace.Import;

/// <summary>How to read a spend file.</summary>
public sealed record SpendReadOptions
{
    /// <summary>Default options: infer everything, reject a file with errors.</summary>
    public static SpendReadOptions Default { get; } = new();

    /// <summary>Columns, header row or date order that override the inference (from a mapping file or a previous result).</summary>
    public ColumnMapping? Mapping { get; init; }

    /// <summary>Load the valid rows of a file with errors (the rejects stay in the report). Default false: a file
    /// with any error is rejected whole.</summary>
    public bool AllowPartial { get; init; }

    /// <summary>Read all-numeric dates in this order, whatever the file suggests; wins over the mapping's.</summary>
    public DateOrder? DateOrder { get; init; }

    /// <summary>The period an aggregate file covers (one total per supplier, no date column). A file without a
    /// date column is refused unless this is given; a file with dates ignores it.</summary>
    public SpendPeriod? Period { get; init; }

    /// <summary>The workbook sheet to read, by name (a place package names its sheets); null reads every sheet,
    /// leaving out summaries and lookups with a note. A named sheet the workbook lacks is a file error.</summary>
    public string? Sheet { get; init; }

    /// <summary>The most errors kept in a report; more are counted but not listed. Default 1,000.</summary>
    public int MaxErrors { get; init; } = 1000;

    /// <summary>Accept a CSV whose last line has no end-of-line and looks cut short (fewer fields than the header and
    /// the line before it, or an open quote). Default false: such a file is refused whole, because its last amount
    /// may be a fragment of the published one.</summary>
    public bool AcceptTruncatedLastLine { get; init; }

    /// <summary>The earliest and latest dates a line may carry; outside them is a row error naming the date column
    /// (see <see cref="DateRange"/>). Default: 1 January 1990 to a year after today.</summary>
    public DateRange Dates { get; init; } = DateRange.Default;

    /// <summary>How many bytes at the start of a file are examined to detect encoding, delimiter, header and date
    /// order when streaming. Default 1 MiB.</summary>
    public int SniffBytes { get; init; } = 1 << 20;
}
