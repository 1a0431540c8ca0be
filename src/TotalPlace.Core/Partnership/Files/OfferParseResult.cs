namespace TotalPlace.Core.Partnership.Files;

/// <summary>The result of reading an offer file: the offer, when it could be built, and every issue found.</summary>
/// <param name="Offer">The offer; null when the file is not valid JSON or lacks what an offer cannot exist without
/// (id, title, place, kind, start date). It may be present alongside issues: an 11th outcome, for example, is
/// reported and left out.</param>
/// <param name="Issues">Everything wrong with the file, each with its JSON path.</param>
public sealed record OfferParseResult(Offer? Offer, IReadOnlyList<OfferIssue> Issues)
{
    /// <summary>True when the offer was read with no issues.</summary>
    public bool Success => Offer is not null && Issues.Count == 0;
}
