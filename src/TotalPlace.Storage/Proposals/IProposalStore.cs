using TotalPlace.Core.Partnership;

namespace TotalPlace.Storage.Proposals;

/// <summary>Keeps cost-benefit proposals beside their place, each save and attachment audited in its own
/// transaction.</summary>
/// <remarks>Reach it as <see cref="IPlaceStore.Proposals"/>. The store keeps the proposal file as given; reading and
/// appraising it is the application layer's (<c>Application/Appraisal</c>).</remarks>
public interface IProposalStore
{
    /// <summary>Saves a proposal, replacing a saved one with the same place and id (keeping the offer it is attached
    /// to); the place is created when new. One transaction with its audit entry (proposal.created or
    /// proposal.updated); saving an unchanged file writes nothing.</summary>
    /// <param name="placeCode">The place's ONS GSS code.</param>
    /// <param name="id">The proposal's id.</param>
    /// <param name="name">The proposal's name (from its file).</param>
    /// <param name="document">The proposal file's JSON text.</param>
    /// <param name="savedAt">When it is saved.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>The proposal as stored.</returns>
    Task<StoredProposal> SaveProposalAsync(string placeCode, string id, string name, string document, DateTimeOffset savedAt, CancellationToken cancellationToken = default);

    /// <summary>Loads a proposal; null when the place has none with that id.</summary>
    Task<StoredProposal?> LoadProposalAsync(string placeCode, string id, CancellationToken cancellationToken = default);

    /// <summary>Lists saved proposals, for one place or all, ordered by place and id.</summary>
    Task<IReadOnlyList<StoredProposal>> ListProposalsAsync(string? placeCode = null, CancellationToken cancellationToken = default);

    /// <summary>Attaches a saved proposal's appraisal to a saved offer of the same place: the offer carries
    /// <paramref name="reference"/> (replacing an earlier reference to the same proposal) and the proposal records the
    /// offer. One transaction, with two audit entries: the offer's change and proposal.attached.</summary>
    /// <exception cref="PlaceStoreException">The proposal or the offer is not in the store.</exception>
    Task AttachProposalAsync(string placeCode, string proposalId, string offerId, AppraisalReference reference, CancellationToken cancellationToken = default);
}
