namespace TotalPlace.Cli.Infrastructure;

/// <summary>The process exit codes of <c>totalplace</c>; scripts can tell a rejected file from a broken store.</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary>An unexpected failure (a bug, or the machine ran out of something).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: an unknown verb or option, or a value that breaks a rule.</summary>
    public const int Usage = 2;

    /// <summary>At least one input file was rejected; nothing from it was loaded.</summary>
    public const int Rejected = 3;

    /// <summary>The store could not be opened or read (missing file, locked, server unreachable).</summary>
    public const int Store = 4;

    /// <summary>The store was busy: another process held it for longer than the wait (DuckDB's one-writer file lock).</summary>
    public const int Busy = 5;

    /// <summary><c>audit verify</c> found an entry that does not chain: the trail was changed outside TotalPlace.</summary>
    public const int AuditBroken = 6;

    /// <summary>The user pressed Ctrl+C.</summary>
    public const int Cancelled = 130;
}
