using System.Globalization;

namespace TotalPlace.Core.Counting;

/// <summary>Which months of one financial year a partner has lines for. One month is never shown as a year: the
/// text says how many of the twelve months are there and names the gaps.</summary>
public sealed record MonthsLoaded
{
    private readonly bool[] _months;

    private MonthsLoaded(FiscalYear year, bool[] months)
    {
        Year = year;
        _months = months;
    }

    /// <summary>The financial year.</summary>
    public FiscalYear Year { get; }

    /// <summary>How many of the twelve months have lines.</summary>
    public int Count => _months.Count(m => m);

    /// <summary>True when all twelve months have lines.</summary>
    public bool IsWholeYear => Count == 12;

    /// <summary>The months with lines, in year order (first day of each month).</summary>
    public IReadOnlyList<DateOnly> Months => [.. Enumerable.Range(0, 12).Where(i => _months[i]).Select(MonthAt)];

    /// <summary>The months with no lines, in year order.</summary>
    public IReadOnlyList<DateOnly> Missing => [.. Enumerable.Range(0, 12).Where(i => !_months[i]).Select(MonthAt)];

    /// <summary>No month loaded.</summary>
    public static MonthsLoaded None(FiscalYear year) => new(year, new bool[12]);

    /// <summary>The months of <paramref name="year"/> that hold at least one of <paramref name="months"/>; months
    /// outside the year are ignored (the caller reports lines dated outside the year separately).</summary>
    public static MonthsLoaded From(FiscalYear year, IEnumerable<DateOnly> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var flags = new bool[12];
        foreach (var month in months)
        {
            if (year.Contains(month))
            {
                flags[Index(year, month)] = true;
            }
        }

        return new MonthsLoaded(year, flags);
    }

    /// <summary>The months both this and <paramref name="other"/> hold (a new file overlapping what is loaded).</summary>
    /// <exception cref="ArgumentException">The years differ.</exception>
    public IReadOnlyList<DateOnly> Overlap(MonthsLoaded other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Year != Year)
        {
            throw new ArgumentException($"years {Year} and {other.Year} differ; months can only overlap within one year.", nameof(other));
        }

        return [.. Enumerable.Range(0, 12).Where(i => _months[i] && other._months[i]).Select(MonthAt)];
    }

    /// <summary>These months and <paramref name="other"/>'s together.</summary>
    public MonthsLoaded Plus(MonthsLoaded other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return From(Year, [.. Months, .. other.Months]);
    }

    /// <summary>E.g. "12 of 12 months (Apr 2023 – Mar 2024)", "1 of 12 months (May 2023); missing Apr 2023, Jun 2023 – Mar 2024".</summary>
    public override string ToString()
    {
        if (Count == 0)
        {
            return $"0 of 12 months of {Year}";
        }

        var text = $"{Count} of 12 months ({Ranges(Months)})";
        return IsWholeYear ? text : $"{text}; missing {Ranges(Missing)}";
    }

    private DateOnly MonthAt(int index) => Year.Start.AddMonths(index);

    private static int Index(FiscalYear year, DateOnly date) => ((date.Year - year.Start.Year) * 12) + date.Month - 4;

    private static string Ranges(IReadOnlyList<DateOnly> months)
    {
        var parts = new List<string>();
        var i = 0;
        while (i < months.Count)
        {
            var j = i;
            while (j + 1 < months.Count && months[j + 1] == months[j].AddMonths(1))
            {
                j++;
            }

            parts.Add(i == j ? Name(months[i]) : $"{Name(months[i])} – {Name(months[j])}");
            i = j + 1;
        }

        return string.Join(", ", parts);
    }

    private static string Name(DateOnly month) => month.ToString("MMM yyyy", CultureInfo.InvariantCulture);
}
