using System.Data.Common;

namespace TotalPlace.Storage.Postgres;

/// <summary>The PostgreSQL server went away (stopped, crashed, network cut) during a write. The message says
/// whether anything can have been stored: a write that failed before its commit was sent stored nothing (the server
/// rolls back a transaction whose connection dies); one that failed during the commit may or may not have.</summary>
public sealed class PostgresConnectionLostException : DbException
{
    public PostgresConnectionLostException()
    {
    }

    public PostgresConnectionLostException(string message)
        : base(message)
    {
    }

    public PostgresConnectionLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the commit had been sent, so the write may have been stored.</summary>
    public bool MayHaveCommitted { get; init; }
}
