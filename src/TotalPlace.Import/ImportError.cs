namespace TotalPlace.Import;

/// <summary>One problem found in an input file, located precisely enough for a person to open the file and see it.</summary>
/// <param name="File">The file name as given by the user (a spend file or a mapping file).</param>
/// <param name="Row">The 1-based physical line (CSV) or sheet row (Excel) where the record starts; 0 for the file as a whole.</param>
/// <param name="Column">The column's header text as published (or "column N"); empty when the problem is not in one column.</param>
/// <param name="Value">The offending text as found (trimmed); empty when nothing was there.</param>
/// <param name="Message">What rule the value breaks, stated so the user can fix the file or the mapping.</param>
public sealed record ImportError(string File, int Row, string Column, string Value, string Message)
{
    /// <inheritdoc/>
    public override string ToString()
    {
        var where = Row > 0 ? $"{File}:{Row}" : File;
        var column = Column.Length > 0 ? $" [{Column}]" : string.Empty;
        var value = Value.Length > 0 ? $" '{Value}'" : string.Empty;
        return $"{where}{column}{value}: {Message}";
    }
}
