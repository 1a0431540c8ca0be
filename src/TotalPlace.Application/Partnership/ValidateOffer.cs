using TotalPlace.Core.Partnership;
using TotalPlace.Core.Partnership.Files;

namespace TotalPlace.Application.Partnership;

/// <summary>An offer file read and checked: the offer (when it could be read), the problems reading it, and the
/// submission rules it breaks.</summary>
/// <param name="Offer">The offer, when the file holds one (possibly with reading problems).</param>
/// <param name="ReadingIssues">Problems reading the file (JSON, types, missing fields), by field path.</param>
/// <param name="RuleIssues">The submission rules the offer breaks (<see cref="OfferValidator"/>), by field path; empty
/// when nothing was read.</param>
public sealed record OfferValidation(Offer? Offer, IReadOnlyList<OfferIssue> ReadingIssues, IReadOnlyList<OfferIssue> RuleIssues)
{
    /// <summary>The file was read whole: it may be saved (as a draft, at least).</summary>
    public bool Readable => Offer is not null && ReadingIssues.Count == 0;

    /// <summary>Read whole and breaking no rule: it may be submitted.</summary>
    public bool MaySubmit => Readable && RuleIssues.Count == 0;

    /// <summary>Every problem at once, reading problems first, then the rules, so a programme lead sees the whole list
    /// rather than fixing one error at a time.</summary>
    public IReadOnlyList<OfferIssue> Issues => [.. ReadingIssues, .. RuleIssues];
}

/// <summary>The use case "validate an offer": read an offer file (docs/offers.md) and check it against every submission
/// rule. The CLI's <c>offer validate</c>, the offer editor's check and the offer page call it, so they list the same
/// problems.</summary>
public static class ValidateOffer
{
    /// <summary>The largest offer file a host need accept (a proposal's limit; an offer is a few kilobytes).</summary>
    public const int MaxOfferBytes = 1024 * 1024;

    /// <summary>Reads <paramref name="text"/> and checks the offer it holds.</summary>
    public static OfferValidation Evaluate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = OfferFile.Parse(text);
        return new OfferValidation(parsed.Offer, parsed.Issues, parsed.Offer is { } offer ? OfferValidator.Validate(offer) : []);
    }

    /// <summary>The submission rules a stored offer breaks (empty when it may be submitted).</summary>
    public static IReadOnlyList<OfferIssue> Check(Offer offer) => OfferValidator.Validate(offer);
}
