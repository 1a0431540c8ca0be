using TotalPlace.Core.Partnership;
using TotalPlace.Storage;

namespace TotalPlace.Application.Appraisal;

/// <summary>The use case "attach a proposal to an offer": the saved proposal is appraised by the engine and its fiscal
/// benefits and costs by agency and year go to the offer as an <see cref="AppraisalReference"/>
/// (<see cref="AppraisalAdapter"/>, never retyped figures), replacing any earlier reference to the same proposal; the
/// store saves the offer and the proposal's link in one audited transaction.</summary>
public sealed class AttachProposalToOffer(IPlaceStore store)
{
    /// <summary>Attaches; returns the reference the offer now carries.</summary>
    /// <exception cref="ProposalNotAttachedException">The proposal is not saved, does not appraise, or the offer is
    /// not saved (the message says which).</exception>
    public async Task<AppraisalReference> ExecuteAsync(string placeCode, string proposalId, string offerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(proposalId);
        ArgumentException.ThrowIfNullOrWhiteSpace(offerId);
        var code = placeCode.Trim().ToUpperInvariant();
        var stored = await store.Proposals.LoadProposalAsync(code, proposalId.Trim(), cancellationToken)
            ?? throw new ProposalNotAttachedException($"There is no proposal '{proposalId}' for place {code}; save it first.");
        if (await store.Partnership.LoadOfferAsync(code, offerId.Trim(), cancellationToken) is null)
        {
            throw new ProposalNotAttachedException($"There is no offer '{offerId}' for place {code}; save the offer first.");
        }

        var appraisal = AppraiseProposal.Evaluate(stored.Document);
        if (appraisal.Result is null)
        {
            throw new ProposalNotAttachedException($"Proposal '{stored.Id}' does not appraise, so it has no figures to attach: {string.Join("; ", appraisal.Errors)}");
        }

        var reference = AppraisalAdapter.From(stored.Id, appraisal.Result);
        try
        {
            await store.Proposals.AttachProposalAsync(code, stored.Id, offerId.Trim(), reference, cancellationToken);
        }
        catch (PlaceStoreException ex)
        {
            throw new ProposalNotAttachedException(ex.Message, ex);
        }

        return reference;
    }
}

/// <summary>A proposal could not be attached to an offer; the message says why, in words for the user.</summary>
public sealed class ProposalNotAttachedException : Exception
{
    public ProposalNotAttachedException()
    {
    }

    public ProposalNotAttachedException(string message)
        : base(message)
    {
    }

    public ProposalNotAttachedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
