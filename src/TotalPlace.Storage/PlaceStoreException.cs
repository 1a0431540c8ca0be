namespace TotalPlace.Storage;

/// <summary>A store rule was broken by the data given (not a programming error): nothing was written.</summary>
/// <remarks>Like Npgsql's <c>PostgresException</c>, the structured fields are also copied into
/// <see cref="Exception.Data"/> so logging and problem-details writers can show them.</remarks>
public sealed class PlaceStoreException : Exception
{
    public PlaceStoreException()
    {
    }

    public PlaceStoreException(string message)
        : base(message)
    {
    }

    public PlaceStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PlaceStoreException(string message, string? fileName, int? row, string? column)
        : base(message)
    {
        FileName = fileName;
        Row = row;
        Column = column;
        Data[nameof(FileName)] = fileName;
        Data[nameof(Row)] = row;
        Data[nameof(Column)] = column;
    }

    /// <summary>The file of the offending line, when known.</summary>
    public string? FileName { get; }

    /// <summary>The offending line's row in its file, when known.</summary>
    public int? Row { get; }

    /// <summary>The offending column, when known.</summary>
    public string? Column { get; }
}
