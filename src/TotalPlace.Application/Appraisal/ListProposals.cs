using TotalPlace.Storage;
using TotalPlace.Storage.Proposals;

namespace TotalPlace.Application.Appraisal;

/// <summary>One saved proposal with its headline figures, appraised now by the engine from the stored file.</summary>
/// <param name="Stored">The proposal as stored.</param>
/// <param name="Appraisal">Its appraisal (errors when the stored file no longer appraises, e.g. a unit cost withdrawn).</param>
public sealed record ProposalListing(StoredProposal Stored, ProposalAppraisal Appraisal);

/// <summary>The use case "list the proposals": every saved proposal of a place (or of all places), each appraised
/// from its stored file so that no list shows a figure the engine would not give today. The CLI's
/// <c>proposal list</c>, the proposals page and the API call it.</summary>
public sealed class ListProposals(IPlaceStore store)
{
    public async Task<IReadOnlyList<ProposalListing>> ExecuteAsync(string? placeCode, CancellationToken cancellationToken = default)
    {
        var stored = await store.Proposals.ListProposalsAsync(string.IsNullOrWhiteSpace(placeCode) ? null : placeCode.Trim().ToUpperInvariant(), cancellationToken);
        return [.. stored.Select(p => new ProposalListing(p, AppraiseProposal.Evaluate(p.Document)))];
    }

    /// <summary>One saved proposal with its appraisal; null when there is none.</summary>
    public async Task<ProposalListing?> FindAsync(string placeCode, string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var stored = await store.Proposals.LoadProposalAsync(placeCode.Trim().ToUpperInvariant(), id.Trim(), cancellationToken);
        return stored is null ? null : new ProposalListing(stored, AppraiseProposal.Evaluate(stored.Document));
    }
}
