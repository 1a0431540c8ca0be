using System.Globalization;

namespace TotalPlace.Import;

/// <summary>Parses payment dates the way public bodies publish them.</summary>
/// <remarks>
/// Accepted: dd/mm/yyyy and d/m/yy (also with '-' or '.'), month-first when the file is read month-first;
/// yyyy-mm-dd and yyyy/mm/dd; d-MMM-yy, d MMM yyyy and d-MMMM-yyyy (month names in English, any case); any of these
/// followed by a time ("2024-04-03T00:00:00", "03/04/2024 00:00"), which is dropped; yyyymmdd; and Excel serial
/// day numbers (45385, optionally with a time fraction), counted from 30 December 1899 as Excel does for every
/// date after February 1900. Two-digit years 00-49 are 2000-2049 and 50-99 are 1950-1999.
/// </remarks>
public static class DateParser
{
    private static readonly DateOnly s_excelEpoch = new(1899, 12, 30);

    private static readonly string[] s_months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Parses a date, reading all-numeric dates in the given order.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, DateOrder order, out DateOnly date) =>
        TryParseCore(text, order, out date) == DateShape.Unambiguous;

    /// <summary>Parses a date, returning a message that states the rule on failure.</summary>
    public static ParseResult<DateOnly> Parse(ReadOnlySpan<char> text, DateOrder order = DateOrder.DayFirst)
    {
        var status = TryParseCore(text, order, out var date);
        return status == DateShape.Unambiguous
            ? ParseResult<DateOnly>.ForValue(date)
            : ParseResult<DateOnly>.ForError(Describe(status, order));
    }

    /// <summary>Says whether the text is a date and, if all-numeric, which orders it is valid in.</summary>
    public static DateShape Classify(ReadOnlySpan<char> text)
    {
        var kind = Scan(text, out var a, out var b, out var year, out var serialOrIso);
        if (kind != ScanKind.Numeric)
        {
            return kind switch
            {
                ScanKind.Empty => DateShape.Empty,
                ScanKind.Exact => DateShape.Unambiguous,
                _ => DateShape.Invalid,
            };
        }

        _ = serialOrIso;
        var dayFirst = IsValid(year, b, a);
        var monthFirst = IsValid(year, a, b);
        return (dayFirst, monthFirst) switch
        {
            (true, true) => a == b ? DateShape.Unambiguous : DateShape.Ambiguous,
            (true, false) => DateShape.DayFirstOnly,
            (false, true) => DateShape.MonthFirstOnly,
            _ => DateShape.Invalid,
        };
    }

    /// <summary>Parses with a known order, or with <paramref name="order"/> null when only self-evident dates are
    /// accepted (a file with conflicting evidence): then an ambiguous date returns <see cref="DateShape.Ambiguous"/>.</summary>
    internal static DateShape TryParseCore(ReadOnlySpan<char> text, DateOrder? order, out DateOnly date)
    {
        date = default;
        var kind = Scan(text, out var a, out var b, out var year, out var exact);
        switch (kind)
        {
            case ScanKind.Empty:
                return DateShape.Empty;
            case ScanKind.Invalid:
                return DateShape.Invalid;
            case ScanKind.Exact:
                date = exact;
                return DateShape.Unambiguous;
        }

        int day, month;
        if (order is null)
        {
            var dayFirst = IsValid(year, b, a);
            var monthFirst = IsValid(year, a, b);
            if (dayFirst && monthFirst && a != b)
            {
                return DateShape.Ambiguous;
            }

            (day, month) = dayFirst ? (a, b) : (b, a);
        }
        else
        {
            (day, month) = order == DateOrder.DayFirst ? (a, b) : (b, a);
        }

        if (!IsValid(year, month, day))
        {
            return order == DateOrder.MonthFirst ? DateShape.DayFirstOnly : DateShape.MonthFirstOnly;
        }

        date = new DateOnly(year, month, day);
        return DateShape.Unambiguous;
    }

    internal static string Describe(DateShape status, DateOrder? order) => status switch
    {
        DateShape.Empty => "date is empty",
        DateShape.Ambiguous =>
            "date is ambiguous: this file has both day-first and month-first dates, so a date whose day and month are both 12 or less cannot be read; set dateOrder in a mapping file",
        DateShape.MonthFirstOnly or DateShape.DayFirstOnly => order == DateOrder.MonthFirst
            ? "date is not a valid month-first (US) date, which is how this file's dates are read; set dateOrder in a mapping file if the file mixes orders"
            : "date is not a valid day-first (UK) date, which is how this file's dates are read; set dateOrder in a mapping file if the file mixes orders",
        _ => "date is not a date (expected e.g. 03/04/2024, 3/4/24, 03-Apr-24, 2024-04-03 or an Excel serial number)",
    };

    private static bool IsValid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static ScanKind Scan(ReadOnlySpan<char> text, out int first, out int second, out int year, out DateOnly exact)
    {
        first = second = year = 0;
        exact = default;
        var s = text.Trim();
        if (s.IsEmpty)
        {
            return ScanKind.Empty;
        }

        var pos = 0;
        var t1 = ReadDigits(s, ref pos, out var v1);
        if (t1 == 0)
        {
            return ScanKind.Invalid;
        }

        if (pos == s.Length || s[pos] == '.' && t1 <= 6 && AllDigits(s[(pos + 1)..]))
        {
            return ScanSerial(s, t1, v1, out exact);
        }

        var separator = s[pos];
        if (separator is not ('/' or '-' or '.' or ' '))
        {
            return ScanKind.Invalid;
        }

        pos++;
        int v2;
        var monthName = false;
        var t2 = ReadDigits(s, ref pos, out v2);
        if (t2 == 0)
        {
            if (!TryReadMonthName(s, ref pos, out v2))
            {
                return ScanKind.Invalid;
            }

            monthName = true;
        }
        else if (t2 > 2)
        {
            return ScanKind.Invalid;
        }

        if (pos >= s.Length || s[pos] != separator && !(monthName && s[pos] is '-' or ' ' or '/'))
        {
            return ScanKind.Invalid;
        }

        pos++;
        var t3 = ReadDigits(s, ref pos, out var v3);
        if (t3 == 0 || !IsTimeOrEnd(s[pos..]))
        {
            return ScanKind.Invalid;
        }

        if (t1 == 4)
        {
            // Year first: yyyy-mm-dd (or yyyy-MMM-dd).
            if (t3 > 2 || !IsValid(v1, v2, v3))
            {
                return ScanKind.Invalid;
            }

            exact = new DateOnly(v1, v2, v3);
            return ScanKind.Exact;
        }

        if (t1 > 2 || t3 is not (2 or 4))
        {
            return ScanKind.Invalid;
        }

        year = t3 == 2 ? (v3 < 50 ? 2000 + v3 : 1900 + v3) : v3;
        if (monthName)
        {
            if (!IsValid(year, v2, v1))
            {
                return ScanKind.Invalid;
            }

            exact = new DateOnly(year, v2, v1);
            return ScanKind.Exact;
        }

        first = v1;
        second = v2;
        return ScanKind.Numeric;
    }

    private static ScanKind ScanSerial(ReadOnlySpan<char> s, int digits, int value, out DateOnly exact)
    {
        exact = default;
        if (digits == 8)
        {
            var y = value / 10000;
            var m = value / 100 % 100;
            var d = value % 100;
            if (y is >= 1900 and <= 2199 && IsValid(y, m, d))
            {
                exact = new DateOnly(y, m, d);
                return ScanKind.Exact;
            }

            return ScanKind.Invalid;
        }

        _ = s;
        if (digits > 6 || value is < 1 or > 2958465)
        {
            return ScanKind.Invalid;
        }

        exact = s_excelEpoch.AddDays(value);
        return ScanKind.Exact;
    }

    private static int ReadDigits(ReadOnlySpan<char> s, ref int pos, out int value)
    {
        value = 0;
        var start = pos;
        while (pos < s.Length && (uint)(s[pos] - '0') <= 9 && pos - start < 9)
        {
            value = (value * 10) + (s[pos] - '0');
            pos++;
        }

        return pos - start;
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if ((uint)(c - '0') > 9)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryReadMonthName(ReadOnlySpan<char> s, ref int pos, out int month)
    {
        month = 0;
        var start = pos;
        while (pos < s.Length && char.IsAsciiLetter(s[pos]))
        {
            pos++;
        }

        var name = s[start..pos];
        if (name.Length < 3)
        {
            return false;
        }

        for (var i = 0; i < s_months.Length; i++)
        {
            if (name.StartsWith(s_months[i], StringComparison.OrdinalIgnoreCase))
            {
                var full = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[i];
                if (name.Length == 3 || full.AsSpan().Equals(name, StringComparison.OrdinalIgnoreCase) ||
                    name.Equals("sept", StringComparison.OrdinalIgnoreCase))
                {
                    month = i + 1;
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsTimeOrEnd(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty)
        {
            return true;
        }

        if (rest[0] is not ('T' or ' '))
        {
            return false;
        }

        rest = rest[1..].TrimStart();
        if (rest.IsEmpty || (uint)(rest[0] - '0') > 9)
        {
            return false;
        }

        foreach (var c in rest)
        {
            if (!(char.IsAsciiDigit(c) || c is ':' or '.' or '+' or '-' or 'Z' or ' ' or 'A' or 'P' or 'M' or 'a' or 'p' or 'm'))
            {
                return false;
            }
        }

        return true;
    }

    private enum ScanKind
    {
        Empty,
        Invalid,
        Exact,
        Numeric,
    }
}
