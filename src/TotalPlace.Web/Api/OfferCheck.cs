using TotalPlace.Core.Partnership;

namespace TotalPlace.Web.Api;

/// <summary>What checking an offer file found.</summary>
/// <param name="Readable">The file reads whole into an offer (it may still break the validator's rules).</param>
/// <param name="Issues">Every problem, by field path; none when the offer passes every rule.</param>
public sealed record OfferCheck(bool Readable, IReadOnlyList<OfferIssue> Issues);
