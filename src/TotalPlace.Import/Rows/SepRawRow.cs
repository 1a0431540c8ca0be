using nietras.SeparatedValues;

namespace TotalPlace.Import.Rows;

internal readonly ref struct SepRawRow : IRawRow
{
    private readonly SepReader.Row _row;

    public SepRawRow(SepReader.Row row) => _row = row;

    public int Count => _row.ColCount;

    public int Line => LineOf(_row);

    /// <summary>The 1-based line where a row starts. Sep 0.17 reports the first row's start as its end line, so
    /// the first row is pinned to line 1.</summary>
    public static int LineOf(SepReader.Row row) => row.RowIndex == 0 ? 1 : row.LineNumberFrom;

    public ReadOnlySpan<char> this[int index] => _row[index].Span;
}
