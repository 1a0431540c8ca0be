using TotalPlace.Core.Counting;
using TotalPlace.Core.Places;

namespace TotalPlace.Import.Packages;

/// <summary>One partner of a place package.</summary>
/// <param name="Id">The partner's key in the package.</param>
/// <param name="Name">Its name (the agency name its lines are stored under).</param>
/// <param name="Kind">What sort of body it is.</param>
/// <param name="Code">Its GSS code where it has one (else its own scheme's code).</param>
/// <param name="CodeScheme">"GSS" or the other scheme (e.g. "NHS ODS").</param>
/// <param name="Share">The part of it that counts for the place, with its basis.</param>
/// <param name="Aliases">Other names it is paid under in partners' files (for eliminating flows between partners).</param>
/// <param name="Threshold">Its publication threshold as stated (e.g. "spend over £250").</param>
/// <param name="Files">Its files.</param>
/// <param name="Missing">What the package says is missing for it.</param>
public sealed record PackagePartner(
    string Id,
    string Name,
    AgencyKind Kind,
    string? Code,
    string CodeScheme,
    PartnerShare Share,
    IReadOnlyList<string> Aliases,
    string? Threshold,
    IReadOnlyList<PackageFile> Files,
    IReadOnlyList<string> Missing);
