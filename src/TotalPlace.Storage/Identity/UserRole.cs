namespace TotalPlace.Storage.Identity;

/// <summary>What a signed-in person may do. The public has no account: anyone not signed in reads what the
/// partnership has published.</summary>
public enum UserRole
{
    /// <summary>Everything: read all, import, delete and reclassify anywhere, publish, manage accounts.</summary>
    Administrator,

    /// <summary>Bound to one place and agency: reads and writes its own agency's data; reads other agencies' data
    /// only where published.</summary>
    AgencyAnalyst,

    /// <summary>The partnership board: reads everything, publishes, approves offers; imports nothing.</summary>
    Board,
}
