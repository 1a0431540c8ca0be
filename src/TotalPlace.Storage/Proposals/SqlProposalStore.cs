using System.Data.Common;
using System.Text.Json.Nodes;
using TotalPlace.Core.Partnership;
using TotalPlace.Storage.Audit;
using static TotalPlace.Storage.SqlCommands;

namespace TotalPlace.Storage.Proposals;

/// <summary>The proposals side of every SQL engine (migration 600): proposal files kept beside their place, written
/// once in portable SQL for DuckDB and PostgreSQL, each change audited in its transaction.</summary>
internal sealed class SqlProposalStore<TConnection>(ISqlEngine<TConnection> engine) : IProposalStore
    where TConnection : DbConnection
{
    private const string ProposalColumns = "p.code, x.proposal_id, x.name, x.document, x.offer_id, x.saved_by, x.saved_at";

    /// <inheritdoc/>
    public Task<StoredProposal> SaveProposalAsync(string placeCode, string id, string name, string document, DateTimeOffset savedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(document);
        return engine.WriteAsync(
            async connection =>
            {
                var (place, placeId) = await engine.EnsurePlaceAsync(connection, placeCode, cancellationToken);
                var before = await LoadProposalAsync(connection, place.Code, id, cancellationToken);
                if (before is not null && string.Equals(before.Document, document, StringComparison.Ordinal) && string.Equals(before.Name, name, StringComparison.Ordinal))
                {
                    return before;
                }

                var by = AuditActor.Resolve();
                // Microseconds: what both engines keep, so the proposal returned equals the proposal read back.
                var at = new DateTime(savedAt.UtcDateTime.Ticks - (savedAt.UtcDateTime.Ticks % 10), DateTimeKind.Utc);
                await ExecuteAsync(connection, "DELETE FROM proposal WHERE place_id = $1 AND proposal_id = $2", cancellationToken, placeId, id);
                await ExecuteAsync(
                    connection,
                    "INSERT INTO proposal (place_id, proposal_id, name, document, offer_id, saved_by, saved_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    cancellationToken,
                    placeId,
                    id,
                    name,
                    document,
                    before?.OfferId,
                    by,
                    at);
                var saved = new StoredProposal(place.Code, id, name, document, before?.OfferId, by, new DateTimeOffset(at));
                await SqlAuditTrail.AppendAsync(connection, ProposalSaved(before, saved), cancellationToken);
                return saved;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<StoredProposal?> LoadProposalAsync(string placeCode, string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await LoadProposalAsync(connection, placeCode.Trim().ToUpperInvariant(), id, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoredProposal>> ListProposalsAsync(string? placeCode = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        var sql = $"SELECT {ProposalColumns} FROM proposal x JOIN place p ON p.place_id = x.place_id";
        return placeCode is null
            ? await QueryAsync(connection, sql + " ORDER BY p.code, x.proposal_id", ReadProposal, cancellationToken)
            : await QueryAsync(connection, sql + " WHERE p.code = $1 ORDER BY p.code, x.proposal_id", ReadProposal, cancellationToken, placeCode.Trim().ToUpperInvariant());
    }

    /// <inheritdoc/>
    public Task AttachProposalAsync(string placeCode, string proposalId, string offerId, AppraisalReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(proposalId);
        ArgumentException.ThrowIfNullOrWhiteSpace(offerId);
        ArgumentNullException.ThrowIfNull(reference);
        if (!string.Equals(reference.ProposalId, proposalId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The reference is to proposal '{reference.ProposalId}', not '{proposalId}'.", nameof(reference));
        }

        var code = placeCode.Trim().ToUpperInvariant();
        return engine.WriteAsync(
            async connection =>
            {
                var proposal = await LoadProposalAsync(connection, code, proposalId, cancellationToken)
                    ?? throw new PlaceStoreException($"There is no proposal '{proposalId}' for place {code} in the store; save it first.");
                var offer = await Partnership.SqlPartnershipStore<TConnection>.LoadOfferAsync(connection, code, offerId, cancellationToken)
                    ?? throw new PlaceStoreException($"There is no offer '{offerId}' for place {code} in the store; save the offer first.");
                var (_, placeId) = await engine.EnsurePlaceAsync(connection, code, cancellationToken);
                var before = await Partnership.SqlPartnershipStore<TConnection>.OfferDocumentAsync(connection, placeId, offer.Id, cancellationToken);
                var replaced = offer.AttachOrReplaceAppraisal(reference);
                await Partnership.SqlPartnershipStore<TConnection>.InsertOfferAsync(connection, placeId, offer, cancellationToken);
                await ExecuteAsync(connection, "UPDATE proposal SET offer_id = $3 WHERE place_id = $1 AND proposal_id = $2", cancellationToken, placeId, proposalId, offer.Id);
                await SqlAuditTrail.AppendAsync(connection, AuditRecords.OfferSaved(before, offer), cancellationToken);
                await SqlAuditTrail.AppendAsync(
                    connection,
                    new AuditRecord(
                        AuditActions.ProposalAttached,
                        AuditSubjects.Proposal,
                        proposalId,
                        code,
                        "",
                        $"Attached proposal '{proposal.Name}' to offer '{offer.Title}'{(replaced ? ", replacing its earlier figures" : "")}: {reference.Summary}",
                        new JsonObject
                        {
                            ["offer"] = offer.Id,
                            ["previousOffer"] = proposal.OfferId,
                            ["replaced"] = replaced,
                            ["summary"] = reference.Summary,
                        }),
                    cancellationToken);
                return true;
            },
            cancellationToken);
    }

    private static async Task<StoredProposal?> LoadProposalAsync(TConnection connection, string placeCode, string id, CancellationToken cancellationToken) =>
        (await QueryAsync(
            connection,
            $"SELECT {ProposalColumns} FROM proposal x JOIN place p ON p.place_id = x.place_id WHERE p.code = $1 AND x.proposal_id = $2",
            ReadProposal,
            cancellationToken,
            placeCode,
            id)).FirstOrDefault();

    private static StoredProposal ReadProposal(DbDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4),
        r.GetString(5),
        new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(6), DateTimeKind.Utc)));

    private static AuditRecord ProposalSaved(StoredProposal? before, StoredProposal after)
    {
        var afterNode = JsonNode.Parse(after.Document);
        if (before is null)
        {
            return new AuditRecord(
                AuditActions.ProposalCreated,
                AuditSubjects.Proposal,
                after.Id,
                after.PlaceCode,
                "",
                $"Created proposal '{after.Name}'.",
                new JsonObject { ["name"] = after.Name, ["after"] = afterNode });
        }

        var beforeNode = JsonNode.Parse(before.Document);
        var count = AuditDiff.Count(beforeNode, afterNode);
        return new AuditRecord(
            AuditActions.ProposalUpdated,
            AuditSubjects.Proposal,
            after.Id,
            after.PlaceCode,
            "",
            $"Changed proposal '{after.Name}': {count} value{(count == 1 ? "" : "s")} changed.",
            new JsonObject { ["name"] = after.Name, ["changeCount"] = count, ["changes"] = AuditDiff.Compare(beforeNode, afterNode) });
    }
}
