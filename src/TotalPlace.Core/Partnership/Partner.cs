using TotalPlace.Core.Places;

namespace TotalPlace.Core.Partnership;

/// <summary>An organisation in the partnership that makes the offer.</summary>
/// <param name="Name">The name used throughout the offer, e.g. "Manchester City Council".</param>
/// <param name="Kind">What sort of body it is.</param>
/// <param name="Signatories">Who signs the MoU for it; every partner needs at least one.</param>
public sealed record Partner(string Name, AgencyKind Kind, IReadOnlyList<Signatory> Signatories);
