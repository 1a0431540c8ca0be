using TotalPlace.Core.Counting;
using TotalPlace.Core.Places;

namespace TotalPlace.Storage.Counting;

/// <summary>A partner of a place for one year, as a package declared it.</summary>
/// <param name="Key">The partner's key in the package.</param>
/// <param name="Name">Its name; its lines are stored under an agency of this name.</param>
/// <param name="Kind">What sort of body it is.</param>
/// <param name="Code">Its GSS code where it has one.</param>
/// <param name="CodeScheme">"GSS" or another scheme.</param>
/// <param name="Share">The part that counts for the place, with its basis.</param>
/// <param name="Aliases">Other names it is paid under.</param>
/// <param name="Threshold">Its publication threshold as stated.</param>
/// <param name="Missing">What is missing for it.</param>
public sealed record StoredPartner(
    string Key,
    string Name,
    AgencyKind Kind,
    string? Code,
    string CodeScheme,
    PartnerShare Share,
    IReadOnlyList<string> Aliases,
    string? Threshold,
    IReadOnlyList<string> Missing);
