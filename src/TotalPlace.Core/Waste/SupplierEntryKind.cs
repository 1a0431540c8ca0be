namespace TotalPlace.Core.Waste;

/// <summary>What a published supplier name turned out to be.</summary>
public enum SupplierEntryKind
{
    /// <summary>An organisation (or sole trader trading under a business name): matched with others.</summary>
    Organisation,

    /// <summary>The publisher withheld the name ("REDACTED", "Personal Information"): never matched.</summary>
    Redacted,

    /// <summary>An individual's name as published ("Mr J Smith", "PRITCHARD JANE"): never matched, for privacy and precision.</summary>
    Personal,

    /// <summary>The line has no supplier at all.</summary>
    Missing,
}
