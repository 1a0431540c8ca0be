using nietras.SeparatedValues;

namespace TotalPlace.Import.Rows;

internal readonly ref struct SepRawRow : IRawRow
{
    private readonly SepReader.Row _row;

    public SepRawRow(SepReader.Row row) => _row = row;

    public int Count => _row.ColCount;

    public int Line => _row.LineNumberFrom;

    public ReadOnlySpan<char> this[int index] => _row[index].Span;
}
