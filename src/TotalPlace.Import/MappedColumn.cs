namespace TotalPlace.Import;

/// <summary>Where a role's values are: a 1-based column number, a header name, or both (a resolved mapping has both;
/// the number wins when both are given).</summary>
/// <param name="Number">1-based column number, or null to find the column by <paramref name="Header"/>.</param>
/// <param name="Header">The header text as published, or null.</param>
public sealed record MappedColumn(int? Number, string? Header)
{
    public static MappedColumn ByNumber(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return new MappedColumn(number, null);
    }

    public static MappedColumn ByHeader(string header)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(header);
        return new MappedColumn(null, header);
    }

    /// <inheritdoc/>
    public override string ToString() => (Number, Header) switch
    {
        ({ } n, { Length: > 0 } h) => $"{n}: {h}",
        ({ } n, _) => $"column {n}",
        _ => Header ?? string.Empty,
    };
}
