using System.Data.Common;
using System.Globalization;
using TotalPlace.Core.Partnership;
using TotalPlace.Core.Partnership.Files;
using TotalPlace.Storage.Audit;
using static TotalPlace.Storage.SqlCommands;

namespace TotalPlace.Storage.Partnership;

/// <summary>The partnership side of every SQL engine (migration 200): offers saved beside their place, written once
/// in portable SQL for DuckDB and PostgreSQL.</summary>
internal sealed class SqlPartnershipStore<TConnection>(ISqlEngine<TConnection> engine) : IPartnershipStore
    where TConnection : DbConnection
{
    private static readonly string[] s_offerTables = ["offer", "offer_partner", "pool_contribution", "offer_outcome", "outcome_actual"];

    /// <inheritdoc/>
    public Task SaveOfferAsync(Offer offer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return engine.WriteAsync(
            async connection =>
            {
                var (_, placeId) = await engine.EnsurePlaceAsync(connection, offer.PlaceCode, cancellationToken);
                var before = await OfferDocumentAsync(connection, placeId, offer.Id, cancellationToken);
                await InsertOfferAsync(connection, placeId, offer, cancellationToken);
                await SqlAuditTrail.AppendAsync(connection, AuditRecords.OfferSaved(before, offer), cancellationToken);
                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<Offer?> LoadOfferAsync(string placeCode, string offerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(offerId);
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await LoadOfferAsync(connection, placeCode, offerId, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<OfferSummary>> ListOffersAsync(string? placeCode = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        const string Sql = """
            SELECT p.code, o.offer_id, o.title, o.kind, o.status, o.start_date, o.version,
                   (SELECT count(*) FROM offer_partner x WHERE x.place_id = o.place_id AND x.offer_id = o.offer_id),
                   (SELECT count(*) FROM offer_outcome x WHERE x.place_id = o.place_id AND x.offer_id = o.offer_id),
                   (SELECT coalesce(sum(x.cash + x.in_kind), 0) FROM pool_contribution x WHERE x.place_id = o.place_id AND x.offer_id = o.offer_id),
                   (SELECT count(*) FROM outcome_actual x WHERE x.place_id = o.place_id AND x.offer_id = o.offer_id)
            FROM offer o JOIN place p ON p.place_id = o.place_id
            """;
        OfferSummary Read(System.Data.Common.DbDataReader r) => new(
            r.GetString(0),
            r.GetString(1),
            r.GetString(2),
            r.GetString(3),
            r.GetString(4),
            DateOnly.FromDateTime(r.GetDateTime(5)),
            r.GetString(6),
            Convert.ToInt32(r.GetValue(7), CultureInfo.InvariantCulture),
            Convert.ToInt32(r.GetValue(8), CultureInfo.InvariantCulture),
            r.GetDecimal(9),
            Convert.ToInt32(r.GetValue(10), CultureInfo.InvariantCulture));

        // Two statements rather than "$1 IS NULL OR p.code = $1": a typeless null parameter is an error on PostgreSQL.
        return placeCode is null
            ? await QueryAsync(connection, Sql + " ORDER BY p.code, o.offer_id", Read, cancellationToken)
            : await QueryAsync(connection, Sql + " WHERE p.code = $1 ORDER BY p.code, o.offer_id", Read, cancellationToken, placeCode);
    }

    /// <inheritdoc/>
    public Task RecordActualAsync(string placeCode, string offerId, OutcomeActual actual, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(offerId);
        ArgumentNullException.ThrowIfNull(actual);
        return engine.WriteAsync(
            async connection =>
            {
                var offer = await LoadOfferAsync(connection, placeCode, offerId, cancellationToken)
                    ?? throw new PlaceStoreException($"There is no offer '{offerId}' for place {placeCode} in the store; save it first.");
                offer.RecordActual(actual);
                var (_, placeId) = await engine.EnsurePlaceAsync(connection, offer.PlaceCode, cancellationToken);
                var before = await OfferDocumentAsync(connection, placeId, offer.Id, cancellationToken);
                await InsertOfferAsync(connection, placeId, offer, cancellationToken);
                await SqlAuditTrail.AppendAsync(connection, AuditRecords.ActualRecorded(before, offer, actual), cancellationToken);
                return true;
            },
            cancellationToken);
    }

    internal static async Task<Offer?> LoadOfferAsync(TConnection connection, string placeCode, string offerId, CancellationToken cancellationToken)
    {
        var documents = await QueryAsync(
            connection,
            "SELECT o.document FROM offer o JOIN place p ON p.place_id = o.place_id WHERE p.code = $1 AND o.offer_id = $2",
            r => r.GetString(0),
            cancellationToken,
            placeCode,
            offerId);
        if (documents.Count == 0)
        {
            return null;
        }

        var parsed = OfferFile.Parse(documents[0]);
        return parsed.Offer ?? throw new PlaceStoreException(
            $"The stored offer '{offerId}' for place {placeCode} cannot be read: {string.Join("; ", parsed.Issues)}");
    }

    // The stored offer file before a save: the "before" of the save's audit entry.
    internal static async Task<string?> OfferDocumentAsync(TConnection connection, int placeId, string offerId, CancellationToken cancellationToken) =>
        (await QueryAsync(connection, "SELECT document FROM offer WHERE place_id = $1 AND offer_id = $2", r => r.GetString(0), cancellationToken, placeId, offerId)).FirstOrDefault();

    // Replaces every row of the offer inside the caller's transaction, so a save is all or nothing.
    internal static async Task InsertOfferAsync(TConnection connection, int placeId, Offer offer, CancellationToken cancellationToken)
    {
        foreach (var table in s_offerTables)
        {
            await ExecuteAsync(connection, $"DELETE FROM {table} WHERE place_id = $1 AND offer_id = $2", cancellationToken, placeId, offer.Id);
        }

        await ExecuteAsync(
            connection,
            "INSERT INTO offer VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
            cancellationToken,
            placeId,
            offer.Id,
            offer.Title,
            offer.Kind.ToString(),
            offer.PolicyDomain,
            offer.Status.ToString(),
            offer.StartDate,
            offer.TermYears,
            offer.InterimReportDate,
            offer.Version,
            offer.DocumentDate,
            offer.Pool?.Kind.ToString(),
            offer.Pool?.AccountableBody,
            OfferFile.Write(offer));

        await InsertRowsAsync(
            connection,
            "offer_partner",
            5,
            offer.Partners.Select((p, i) => new object?[] { placeId, offer.Id, i + 1, p.Name, p.Kind.ToString() }),
            cancellationToken);
        await InsertRowsAsync(
            connection,
            "pool_contribution",
            7,
            (offer.Pool?.Contributions ?? []).Select((c, i) => new object?[] { placeId, offer.Id, i + 1, c.Partner, c.Year.ToString(), c.Cash.Pounds, c.InKind.Pounds }),
            cancellationToken);
        await InsertRowsAsync(
            connection,
            "offer_outcome",
            11,
            offer.Outcomes.Select((o, i) => new object?[]
            {
                placeId, offer.Id, i + 1, o.Name, o.Indicator, o.Unit, o.Baseline?.Value, o.Baseline?.Date, o.Target?.Value, o.Target?.Date, o.MeasuredBy,
            }),
            cancellationToken);
        await InsertRowsAsync(
            connection,
            "outcome_actual",
            6,
            offer.Actuals.Select((a, i) => new object?[] { placeId, offer.Id, i + 1, a.Outcome, a.Date, a.Value }),
            cancellationToken);
    }
}
