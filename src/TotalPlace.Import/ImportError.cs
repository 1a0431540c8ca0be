namespace TotalPlace.Import;

/// <summary>One problem found in an input file, located precisely enough for a person to open the file and see it.</summary>
/// <param name="File">The file name as given by the user (a spend file or a mapping file).</param>
/// <param name="Row">The 1-based physical line (CSV) or sheet row (Excel) where the record starts; 0 for the file as a whole.</param>
/// <param name="Column">The column's header text as published (or "column N"); empty when the problem is not in one column.</param>
/// <param name="Value">The offending text as found (trimmed); empty when nothing was there.</param>
/// <param name="Message">What rule the value breaks, stated so the user can fix the file or the mapping.</param>
public sealed record ImportError(string File, int Row, string Column, string Value, string Message)
{
    /// <summary>How the message for a CSV whose last line looks cut short starts.</summary>
    public const string TruncatedLastLineMessage = "the last line has no end-of-line";

    /// <summary>The most characters of a value kept in a report; longer values are cut with an ellipsis.</summary>
    public const int MaxValueLength = 120;

    /// <summary>The offending text on one line: line ends, tabs and other control characters shown as escapes
    /// (\n, \t, \u0000) and cut to <see cref="MaxValueLength"/> characters, so a report never echoes a raw
    /// multi-line or huge value.</summary>
    public string Value { get; init; } = OneLine(Value);

    /// <summary>True for the refusal of a CSV whose last line looks cut short, which the user may accept
    /// (<see cref="SpendReadOptions.AcceptTruncatedLastLine"/>).</summary>
    public bool IsTruncatedLastLine => Message.StartsWith(TruncatedLastLineMessage, StringComparison.Ordinal);

    /// <summary>The file name on one line (an upload's name is the sender's choice).</summary>
    public string File { get; init; } = OneLine(File, 260);

    /// <summary>The rule broken, on one line (a message may quote a library's text).</summary>
    public string Message { get; init; } = OneLine(Message, 2000);

    /// <summary>A value made safe to show on one line (see <see cref="Value"/>).</summary>
    public static string OneLine(string? value, int maxLength = MaxValueLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var clean = true;
        foreach (var c in value)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                clean = false;
                break;
            }
        }

        if (clean && value.Length <= maxLength)
        {
            return value;
        }

        var text = new System.Text.StringBuilder(Math.Min(value.Length, maxLength) + 8);
        foreach (var c in value)
        {
            if (text.Length >= maxLength)
            {
                text.Append('…');
                break;
            }

            _ = c switch
            {
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => text.Append(c),
            };
        }

        return text.ToString();
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var where = Row > 0 ? $"{File}:{Row}" : File;
        var column = Column.Length > 0 ? $" [{Column}]" : string.Empty;
        var value = Value.Length > 0 ? $" '{Value}'" : string.Empty;
        return $"{where}{column}{value}: {Message}";
    }
}
