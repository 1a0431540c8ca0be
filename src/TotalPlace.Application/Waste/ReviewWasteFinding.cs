using TotalPlace.Core.Waste;
using TotalPlace.Storage;
using TotalPlace.Storage.Audit;

namespace TotalPlace.Application.Waste;

/// <summary>A reviewer's decision on one saved finding.</summary>
/// <param name="PlaceCode">The place's GSS code.</param>
/// <param name="FindingKey">The finding's key, as a run listed it.</param>
/// <param name="State">Confirmed, false positive, or open again.</param>
/// <param name="Note">Why, kept with the decision (blank is none).</param>
/// <param name="DecidedBy">Who decided; when not given, the ambient actor (<see cref="AuditActor"/>), else "system".</param>
public sealed record ReviewWasteFindingRequest(string PlaceCode, string FindingKey, ReviewState State, string? Note = null, string? DecidedBy = null);

/// <summary>The decision recorded, with the finding it was made on (as it was before).</summary>
public sealed record ReviewedFinding(WasteFinding Finding, FindingDecision Decision);

/// <summary>The use case "review a waste finding": the finding must be saved for the place (only that one is loaded,
/// however many the place has); the decision is recorded with who and when, and the store applies it on this and every
/// later run (the latest decision on a finding wins). The CLI's <c>waste review</c> and the waste page's decision
/// form call it.</summary>
public sealed class ReviewWasteFinding(IPlaceStore store, TimeProvider clock)
{
    /// <exception cref="WasteRequestRefusedException">The request is incomplete, or the place has no such finding.</exception>
    public async Task<ReviewedFinding> ExecuteAsync(ReviewWasteFindingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var place = request.PlaceCode?.Trim() ?? "";
        var key = request.FindingKey?.Trim() ?? "";
        if (place.Length == 0 || key.Length == 0 || !Enum.IsDefined(request.State))
        {
            throw new WasteRequestRefusedException("A decision needs the place, the finding's key and a state (Open, Confirmed or FalsePositive).", WasteRefusal.Invalid);
        }

        var finding = await store.Waste.FindFindingAsync(place, key, cancellationToken)
            ?? throw new WasteRequestRefusedException($"There is no finding '{key}' for place {place}; run the waste analysis ('totalplace waste' or the Waste page) and copy a key from its list.", WasteRefusal.NotFound);
        var decision = new FindingDecision(
            key,
            request.State,
            string.IsNullOrWhiteSpace(request.DecidedBy) ? AuditActor.Resolve() : request.DecidedBy.Trim(),
            clock.GetUtcNow(),
            string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim());
        await store.Waste.RecordDecisionAsync(place, decision, cancellationToken);
        return new ReviewedFinding(finding, decision);
    }
}
