namespace TotalPlace.Application.Counting;

/// <summary>A map, dashboard or drill-down request that cannot be answered as asked: an unknown place, or a request
/// that is incomplete. The message is one line for the person who asked.</summary>
public sealed class MapRequestRefusedException : Exception
{
    public MapRequestRefusedException(string message, MapRefusal reason)
        : base(message) => Reason = reason;

    public MapRequestRefusedException()
    {
    }

    public MapRequestRefusedException(string message)
        : base(message)
    {
    }

    public MapRequestRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Why: the host maps it to its own answer (an exit code, 400/404).</summary>
    public MapRefusal Reason { get; }
}

/// <summary>Why a map request was refused.</summary>
public enum MapRefusal
{
    /// <summary>The request is incomplete or malformed. First, so a refusal raised without a reason is answered as a
    /// bad request, never as "no such place".</summary>
    Invalid,

    /// <summary>The place is not in the store.</summary>
    NotFound,
}
