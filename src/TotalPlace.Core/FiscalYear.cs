using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace TotalPlace.Core;

/// <summary>
/// A UK public-sector financial year, running from 1 April to 31 March, written "2024-25".
/// </summary>
/// <remarks>
/// <para>The value is identified by the calendar year in which it starts. <see cref="End"/> is inclusive
/// (31 March), because public bodies publish and audit by whole days and "up to and including 31 March" is how
/// every statement of accounts states its period; an exclusive end would be 1 April of the next year.</para>
/// <para>The default value of this type is the year starting 1 April of year 1, which is never a real one;
/// create values with <see cref="StartingIn"/>, <see cref="Containing"/> or <see cref="Parse(string)"/>.</para>
/// </remarks>
public readonly record struct FiscalYear : IComparable<FiscalYear>, IParsable<FiscalYear>
{
    /// <summary>The earliest and latest start years accepted, to catch typos such as "209-10".</summary>
    public const int MinStartYear = 1900;

    /// <inheritdoc cref="MinStartYear"/>
    public const int MaxStartYear = 2199;

    private FiscalYear(int startYear) => StartYear = startYear;

    /// <summary>The calendar year in which this financial year starts (2024 for "2024-25").</summary>
    public int StartYear { get; }

    /// <summary>1 April of <see cref="StartYear"/>.</summary>
    public DateOnly Start => new(StartYear, 4, 1);

    /// <summary>31 March of the following calendar year, inclusive.</summary>
    public DateOnly End => new(StartYear + 1, 3, 31);

    /// <summary>The following financial year.</summary>
    public FiscalYear Next => StartingIn(StartYear + 1);

    /// <summary>The preceding financial year.</summary>
    public FiscalYear Previous => StartingIn(StartYear - 1);

    /// <summary>The financial year that starts on 1 April of <paramref name="startYear"/>.</summary>
    public static FiscalYear StartingIn(int startYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startYear, MinStartYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startYear, MaxStartYear);
        return new FiscalYear(startYear);
    }

    /// <summary>The financial year that contains <paramref name="date"/>.</summary>
    public static FiscalYear Containing(DateOnly date) => StartingIn(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>True when <paramref name="date"/> falls between <see cref="Start"/> and <see cref="End"/> inclusive.</summary>
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>The year that is <paramref name="years"/> after this one (negative for earlier).</summary>
    public FiscalYear PlusYears(int years) => StartingIn(StartYear + years);

    /// <summary>Parses "2024-25", "2024/25", "2024-2025", "2024/2025" or "FY2024-25".</summary>
    /// <exception cref="FormatException">The text is not a financial year, or its two years are not consecutive.</exception>
    public static FiscalYear Parse(string s) => Parse(s, null);

    /// <inheritdoc/>
    public static FiscalYear Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, provider, out var result)
            ? result
            : throw new FormatException($"'{s}' is not a financial year; write it as 2024-25.");
    }

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out FiscalYear result) =>
        TryParse(s, out result);

    /// <summary>Tries to parse a financial year; see <see cref="Parse(string)"/> for the accepted forms.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out FiscalYear result)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(s))
        {
            return false;
        }

        var text = s.Trim();
        if (text.StartsWith("FY", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..].Trim();
        }

        var separator = text.IndexOfAny(['-', '/', '–']);
        if (separator != 4 || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            return false;
        }

        var tail = text.AsSpan(separator + 1);
        if (!int.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out var end))
        {
            return false;
        }

        var expected = tail.Length switch
        {
            2 => (start + 1) % 100,
            4 => start + 1,
            _ => -1,
        };
        if (end != expected || start < MinStartYear || start > MaxStartYear)
        {
            return false;
        }

        result = new FiscalYear(start);
        return true;
    }

    /// <inheritdoc/>
    public int CompareTo(FiscalYear other) => StartYear.CompareTo(other.StartYear);

    public static bool operator <(FiscalYear left, FiscalYear right) => left.StartYear < right.StartYear;

    public static bool operator >(FiscalYear left, FiscalYear right) => left.StartYear > right.StartYear;

    public static bool operator <=(FiscalYear left, FiscalYear right) => left.StartYear <= right.StartYear;

    public static bool operator >=(FiscalYear left, FiscalYear right) => left.StartYear >= right.StartYear;

    /// <summary>Formats as "2024-25".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{StartYear:D4}-{(StartYear + 1) % 100:D2}");
}
