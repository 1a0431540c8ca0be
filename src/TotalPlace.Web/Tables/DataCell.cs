namespace TotalPlace.Web.Tables;

/// <summary>A cell's raw value and, when it leads somewhere, the link.</summary>
public readonly record struct DataCell(object? Value, string? Href = null)
{
    public static implicit operator DataCell(string? value) => new(value);

    public static implicit operator DataCell(decimal value) => new(value);

    public static implicit operator DataCell(long value) => new(value);

    public static implicit operator DataCell(int value) => new(value);

    public static DataCell FromString(string? value) => new(value);
}
