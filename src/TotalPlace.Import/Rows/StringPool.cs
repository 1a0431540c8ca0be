namespace TotalPlace.Import.Rows;

/// <summary>Returns one shared string per distinct value of a column, so the millions of repeats of a body name or
/// expense type cost one allocation each; stops pooling after a cap so a column of unique values cannot grow it.</summary>
internal sealed class StringPool
{
    private const int Cap = 65_536;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string? Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        if (_lookup.TryGetValue(text, out var existing))
        {
            return existing;
        }

        var created = text.ToString();
        if (_strings.Count < Cap)
        {
            _strings[created] = created;
        }

        return created;
    }
}
