namespace TotalPlace.Import.Rows;

/// <summary>One record of a file, CSV or workbook, seen as text cells. Implemented by ref structs over Sep's row so the
/// streaming path reads spans without allocating a string per field.</summary>
internal interface IRawRow
{
    int Count { get; }

    int Line { get; }

    ReadOnlySpan<char> this[int index] { get; }
}
