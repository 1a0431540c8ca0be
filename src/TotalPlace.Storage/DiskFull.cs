namespace TotalPlace.Storage;

/// <summary>Recognises a write that failed because the disk (or the database server's disk) is full, whatever the
/// engine's wording, so that the user is told "the disk is full" rather than a driver's follow-on error.</summary>
public static class DiskFull
{
    private static readonly string[] s_signs =
    [
        "No space left on device", "disk is full", "disk full", "ENOSPC", "could not extend file", "There is not enough space on the disk",
    ];

    /// <summary>Free space below which a filesystem counts as full when an engine reports only the follow-on error of
    /// a failed write (DuckDB's "Current transaction is aborted" inside a bulk load).</summary>
    public const long NearlyFullBytes = 16L << 20;

    /// <summary>The one-line message for a full disk.</summary>
    public const string Message = "the disk is full: the store could not write, and nothing of this change was stored; free some space and try again";

    /// <summary>The one-line message for a full disk, naming the store that could not write (a DuckDB file's path, or
    /// words for a database server; never a connection string).</summary>
    public static string MessageFor(string? store) =>
        string.IsNullOrWhiteSpace(store)
            ? Message
            : $"the disk is full: the store {store} could not write, and nothing of this change was stored; free some space and try again";

    /// <summary>True when the exception or any exception inside it says the disk is full.</summary>
    public static bool Caused(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is IOException io && (io.HResult & 0xFFFF) is 28 or 112)
            {
                return true;
            }

            if (s_signs.Any(sign => e.Message.Contains(sign, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(Caused))
            {
                return true;
            }
        }

        return false;
    }
}
