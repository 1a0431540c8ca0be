namespace TotalPlace.Storage;

/// <summary>The store was held by another process for longer than <see cref="PlaceStore.LockWait"/> (DuckDB lets one
/// writing process, or several reading ones, have a file at a time). Nothing was read or changed; try again later.</summary>
public sealed class StoreBusyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreBusyException()
    {
    }

    /// <summary>Creates the exception with a one-line message naming the store and the holder.</summary>
    public StoreBusyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the engine's error.</summary>
    public StoreBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
