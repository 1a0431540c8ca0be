namespace TotalPlace.Application.Spend;

/// <summary>The outcome of one file.</summary>
public enum ImportStatus
{
    /// <summary>Stored as a new batch.</summary>
    Imported,

    /// <summary>The same bytes were already stored for the place; nothing was added.</summary>
    AlreadyImported,

    /// <summary>Nothing was stored.</summary>
    Rejected,
}
