using TotalPlace.Core.Partnership;
using TotalPlace.Storage;

namespace TotalPlace.Application.Partnership;

/// <summary>An offer file to save beside its place.</summary>
/// <param name="Text">The offer file's JSON text.</param>
/// <param name="Submit">Submit it for approval: it must then pass every rule, and is saved as submitted.</param>
public sealed record SaveOfferRequest(string Text, bool Submit = false);

/// <summary>Why an offer was not saved.</summary>
public enum OfferNotSaved
{
    /// <summary>The file cannot be read whole (a draft may break rules, but must be readable).</summary>
    Unreadable,

    /// <summary>Submission was asked for and the offer breaks a rule (or cannot move to submitted).</summary>
    NotSubmittable,
}

/// <summary>The outcome: the offer saved, or why not with every problem by field path.</summary>
/// <param name="Saved">The offer as saved (its status after submission, when asked for); null when refused.</param>
/// <param name="Refusal">Why it was not saved; null when saved.</param>
/// <param name="Issues">The problems that stopped it; empty when saved.</param>
public sealed record SaveOfferResult(Offer? Saved, OfferNotSaved? Refusal, IReadOnlyList<OfferIssue> Issues)
{
    /// <summary>One line for a person saying why it was not saved, or null when it was.</summary>
    public string? Title => Refusal switch
    {
        OfferNotSaved.Unreadable => "The offer cannot be read whole, so it was not saved",
        OfferNotSaved.NotSubmittable => "The offer was not submitted",
        _ => null,
    };
}

/// <summary>The use case "save an offer": the file must be read whole (a draft may still break submission rules); with
/// submission asked for, the offer moves to submitted, which runs every rule first; then the store replaces the saved
/// offer with the same id beside its place (audited by the store). The CLI's <c>offer save</c> and the offer editor's
/// save call it.</summary>
public sealed class SaveOffer(IPlaceStore store)
{
    public async Task<SaveOfferResult> ExecuteAsync(SaveOfferRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var read = ValidateOffer.Evaluate(request.Text);
        if (!read.Readable)
        {
            return new SaveOfferResult(null, OfferNotSaved.Unreadable, read.ReadingIssues.Count > 0 ? read.ReadingIssues : [new OfferIssue("$", "file.empty", "The file holds no offer.")]);
        }

        var offer = read.Offer!;
        if (request.Submit)
        {
            try
            {
                offer.MoveTo(OfferStatus.Submitted);
            }
            catch (PartnershipDomainException ex)
            {
                var issues = ValidateOffer.Check(offer);
                return new SaveOfferResult(null, OfferNotSaved.NotSubmittable, issues.Count > 0 ? issues : [new OfferIssue("status", "status.transition", ex.Message)]);
            }
        }

        await store.Partnership.SaveOfferAsync(offer, cancellationToken);
        return new SaveOfferResult(offer, null, []);
    }
}
