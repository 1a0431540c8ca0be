using System.Globalization;

namespace TotalPlace.Import;

/// <summary>Parses money amounts the way public bodies publish them.</summary>
/// <remarks>
/// <para>Accepted: digits with an optional decimal part of any length (three decimal places are kept exactly);
/// thousands separators in groups of three; £, $, € or GBP before or after the number, with spaces, tabs or
/// non-breaking spaces around it; negatives written with a leading or trailing minus, in parentheses, or with a
/// trailing "CR"; a lone "-" (the accounting format's zero); and scientific notation such as 6.82121E-13, which
/// is a spreadsheet's binary floating-point residue and is rounded to the penny (half to even).</para>
/// <para>Nothing else is guessed: a decimal comma is only read when the caller says the file uses one.</para>
/// </remarks>
public static class AmountParser
{
    private const string NotANumber =
        "amount is not a number (expected e.g. 1234.56, 1,234.56, £1,234.56, -12.00, 12.00- or (12.00))";

    /// <summary>Parses an amount with a decimal point and comma thousands separators.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal amount) =>
        TryParseCore(text, decimalComma: false, out amount) == AmountStatus.Ok;

    /// <summary>Parses an amount; with <paramref name="decimalComma"/> the roles of '.' and ',' are swapped
    /// (1.234,56).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, bool decimalComma, out decimal amount) =>
        TryParseCore(text, decimalComma, out amount) == AmountStatus.Ok;

    /// <summary>Parses an amount, returning a message that states the rule on failure.</summary>
    public static ParseResult<decimal> Parse(ReadOnlySpan<char> text, bool decimalComma = false)
    {
        var status = TryParseCore(text, decimalComma, out var amount);
        return status == AmountStatus.Ok ? ParseResult<decimal>.ForValue(amount) : ParseResult<decimal>.ForError(Describe(status));
    }

    internal static string Describe(AmountStatus status) => status switch
    {
        AmountStatus.Empty => "amount is empty",
        AmountStatus.BadGrouping =>
            "thousands separators must separate groups of three digits (if the file uses a decimal comma, say so in the mapping)",
        AmountStatus.TooLarge => "amount is too large to be a payment",
        _ => NotANumber,
    };

    internal static AmountStatus TryParseCore(ReadOnlySpan<char> text, bool decimalComma, out decimal amount)
    {
        amount = 0m;
        var s = text.Trim();
        if (s.IsEmpty)
        {
            return AmountStatus.Empty;
        }

        var sign = new SignMarks();
        if (s.Length >= 2 && s[0] == '(' && s[^1] == ')')
        {
            sign = new SignMarks(Negative: true, SawSign: true);
            s = s[1..^1].Trim();
        }

        if (!TryStripLeadingMarks(ref s, ref sign) || !TryStripTrailingMarks(ref s, ref sign))
        {
            return AmountStatus.Invalid;
        }

        if (s.IsEmpty)
        {
            // The accounting number format writes zero as a lone dash ("£ -   ").
            return sign.SawSign ? AmountStatus.Ok : AmountStatus.Invalid;
        }

        return ParseNumber(s, decimalComma, sign.Negative, out amount);
    }

    /// <summary>What the marks around the digits said: a minus (in any of its spellings, parentheses or a
    /// trailing CR) and whether any sign was written at all, which is what makes a lone dash a zero.</summary>
    private record struct SignMarks(bool Negative, bool SawSign);

    /// <summary>Signs and currency marks may come in either order before the number: "-£12", "£-12", "GBP 12".
    /// False when the amount is negated twice.</summary>
    private static bool TryStripLeadingMarks(ref ReadOnlySpan<char> s, ref SignMarks sign)
    {
        while (!s.IsEmpty)
        {
            var c = s[0];
            if (IsMinus(c))
            {
                if (sign.Negative)
                {
                    return false;
                }

                sign = new SignMarks(Negative: true, SawSign: true);
                s = s[1..].TrimStart();
            }
            else if (c == '+')
            {
                sign = sign with { SawSign = true };
                s = s[1..].TrimStart();
            }
            else if (IsCurrency(c))
            {
                s = s[1..].TrimStart();
            }
            else if (c == 'Â' && s.Length > 1 && s[1] == '£')
            {
                s = s[2..].TrimStart();
            }
            else if (s.StartsWith("GBP", StringComparison.OrdinalIgnoreCase))
            {
                s = s[3..].TrimStart();
            }
            else
            {
                return true;
            }
        }

        return true;
    }

    /// <summary>Signs, currency marks and CR/DR may follow the number: "12.00-", "12.00 £", "12.00 CR".
    /// False when the amount is negated twice.</summary>
    private static bool TryStripTrailingMarks(ref ReadOnlySpan<char> s, ref SignMarks sign)
    {
        while (!s.IsEmpty)
        {
            var c = s[^1];
            if (IsMinus(c))
            {
                if (sign.Negative)
                {
                    return false;
                }

                sign = new SignMarks(Negative: true, SawSign: true);
                s = s[..^1].TrimEnd();
            }
            else if (IsCurrency(c))
            {
                s = s[..^1].TrimEnd();
            }
            else if (s.Length > 3 && s.EndsWith("GBP", StringComparison.OrdinalIgnoreCase))
            {
                s = s[..^3].TrimEnd();
            }
            else if (s.Length > 2 && char.IsWhiteSpace(s[^3]) && s.EndsWith("CR", StringComparison.OrdinalIgnoreCase))
            {
                if (sign.Negative)
                {
                    return false;
                }

                // A credit marks the amount negative without counting as a written sign, as before.
                sign = sign with { Negative = true };
                s = s[..^2].TrimEnd();
            }
            else if (s.Length > 2 && char.IsWhiteSpace(s[^3]) && s.EndsWith("DR", StringComparison.OrdinalIgnoreCase))
            {
                s = s[..^2].TrimEnd();
            }
            else
            {
                return true;
            }
        }

        return true;
    }

    /// <summary>Reads the bare number once signs and currency marks are gone: digits, thousands groups of three,
    /// one decimal separator and an optional exponent. Falls back to <see cref="SlowPath"/> beyond 19 digits.</summary>
    private static AmountStatus ParseNumber(ReadOnlySpan<char> s, bool decimalComma, bool negative, out decimal amount)
    {
        amount = 0m;
        var groupSeparator = decimalComma ? '.' : ',';
        var decimalSeparator = decimalComma ? ',' : '.';
        ulong mantissa = 0;
        var digits = 0;
        var scale = 0;
        var seenDecimal = false;
        var groups = 0;
        var digitsInGroup = 0;
        var exponent = 0;
        var hasExponent = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if ((uint)(c - '0') <= 9)
            {
                if (digits >= 19)
                {
                    return SlowPath(s, decimalComma, negative, out amount);
                }

                mantissa = (mantissa * 10) + (uint)(c - '0');
                if (mantissa != 0 || seenDecimal)
                {
                    digits++;
                }

                if (seenDecimal)
                {
                    scale++;
                }
                else
                {
                    digitsInGroup++;
                }
            }
            else if (c == groupSeparator && !seenDecimal)
            {
                if (groups == 0 ? digitsInGroup is < 1 or > 3 : digitsInGroup != 3)
                {
                    return AmountStatus.BadGrouping;
                }

                groups++;
                digitsInGroup = 0;
            }
            else if (c == decimalSeparator && !seenDecimal)
            {
                if (groups > 0 && digitsInGroup != 3)
                {
                    return AmountStatus.BadGrouping;
                }

                seenDecimal = true;
            }
            else if ((c == 'e' || c == 'E') && i > 0)
            {
                if (!TryParseExponent(s[(i + 1)..], out exponent))
                {
                    return AmountStatus.Invalid;
                }

                hasExponent = true;
                break;
            }
            else
            {
                return AmountStatus.Invalid;
            }
        }

        if (!seenDecimal && groups > 0 && digitsInGroup != 3)
        {
            return AmountStatus.BadGrouping;
        }

        if (digits == 0 && mantissa == 0 && !HasDigit(s))
        {
            return AmountStatus.Invalid;
        }

        if (scale > 28)
        {
            return SlowPath(s, decimalComma, negative, out amount);
        }

        var value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative && mantissa != 0, (byte)scale);
        if (hasExponent)
        {
            return ApplyExponent(value, exponent, out amount);
        }

        amount = value;
        return AmountStatus.Ok;
    }

    private static bool HasDigit(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if ((uint)(c - '0') <= 9)
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryParseExponent(ReadOnlySpan<char> s, out int exponent) =>
        int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent) && exponent is > -100 and < 100;

    private static AmountStatus ApplyExponent(decimal value, int exponent, out decimal amount)
    {
        amount = 0m;
        try
        {
            var scaled = value;
            for (var e = 0; e < exponent; e++)
            {
                scaled *= 10m;
            }

            for (var e = 0; e > exponent && scaled != 0m; e--)
            {
                scaled /= 10m;
            }

            amount = Math.Round(scaled, 2, MidpointRounding.ToEven);
            if (amount == 0m)
            {
                amount = 0m;
            }

            return AmountStatus.Ok;
        }
        catch (OverflowException)
        {
            return AmountStatus.TooLarge;
        }
    }

    private static AmountStatus SlowPath(ReadOnlySpan<char> s, bool decimalComma, bool negative, out decimal amount)
    {
        Span<char> buffer = stackalloc char[Math.Min(s.Length, 256)];
        var n = 0;
        foreach (var c in s)
        {
            if (n == buffer.Length)
            {
                amount = 0m;
                return AmountStatus.TooLarge;
            }

            if ((uint)(c - '0') <= 9 || c is 'e' or 'E' or '-' or '+')
            {
                buffer[n++] = c;
            }
            else if (c == (decimalComma ? ',' : '.'))
            {
                buffer[n++] = '.';
            }
        }

        if (!decimal.TryParse(buffer[..n], NumberStyles.Float, CultureInfo.InvariantCulture, out amount))
        {
            return AmountStatus.TooLarge;
        }

        amount = negative ? -amount : amount;
        return AmountStatus.Ok;
    }

    private static bool IsMinus(char c) => c is '-' or '\u2212' or '\u2013';

    private static bool IsCurrency(char c) => c is '£' or '$' or '€';
}

internal enum AmountStatus
{
    Ok,
    Empty,
    Invalid,
    BadGrouping,
    TooLarge,

    /// <summary>More decimal places than the store keeps and not float residue (set by the row interpreter).</summary>
    TooPrecise,
}
