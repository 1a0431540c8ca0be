namespace TotalPlace.Import.Text;

/// <summary>Passes text through while remembering what a truncation check needs: whether the text ended with an
/// end-of-line, whether it ended inside an open quote, and how long the longest run between delimiters or line ends
/// was (a bound on one field's size).</summary>
internal sealed class TailTrackingReader(TextReader inner, char delimiter) : TextReader
{
    private long _currentField;

    /// <summary>The last character read; '\0' before any.</summary>
    public char Last { get; private set; }

    /// <summary>True when the text read so far has an odd number of double quotes: it ends inside a quoted field.</summary>
    public bool InsideQuote { get; private set; }

    /// <summary>True when the text read so far ends with a line feed or carriage return (or is empty).</summary>
    public bool EndsWithLineEnd => Last is '\0' or '\n' or '\r';

    /// <summary>The most characters seen between two delimiters or line ends outside quotes (a field's size, quotes
    /// included).</summary>
    public long LongestField { get; private set; }

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        var c = inner.Read();
        if (c >= 0)
        {
            Track([(char)c]);
        }

        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var n = inner.Read(buffer);
        Track(buffer[..n]);
        return n;
    }

    public override int ReadBlock(Span<char> buffer)
    {
        var n = inner.ReadBlock(buffer);
        Track(buffer[..n]);
        return n;
    }

    public override int ReadBlock(char[] buffer, int index, int count) => ReadBlock(buffer.AsSpan(index, count));

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => Task.FromResult(Read(buffer, index, count));

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Track(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
        {
            return;
        }

        var inside = InsideQuote;
        var field = _currentField;
        var longest = LongestField;
        foreach (var c in chars)
        {
            if (c == '"')
            {
                inside = !inside;
                field++;
            }
            else if (!inside && (c == delimiter || c == '\n' || c == '\r'))
            {
                longest = Math.Max(longest, field);
                field = 0;
            }
            else
            {
                field++;
            }
        }

        InsideQuote = inside;
        _currentField = field;
        LongestField = Math.Max(longest, field);
        Last = chars[^1];
    }
}
