namespace TotalPlace.Import.Rows;

/// <summary>A record held as strings: workbook rows, and the sample of a CSV used to find its header.</summary>
internal readonly struct RawRecord(int line, string[] cells) : IRawRow
{
    public int Count => cells.Length;

    public int Line => line;

    public string[] Cells => cells;

    public ReadOnlySpan<char> this[int index] => cells[index];

    public bool IsBlank => cells.All(string.IsNullOrWhiteSpace);
}
