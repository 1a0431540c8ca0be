namespace TotalPlace.Core.Counting;

/// <summary>The names and identifiers a partner is paid under, for finding flows between partners.</summary>
/// <param name="Key">The partner's key.</param>
/// <param name="Name">Its name.</param>
/// <param name="Aliases">Other names it is paid as (the name in the returns, trading names).</param>
/// <param name="Identifiers">Supplier ids it is paid under in partners' files (vendor numbers), if known.</param>
public sealed record PartnerIdentity(string Key, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Identifiers);
