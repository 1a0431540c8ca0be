using DuckDB.NET.Data;
using TotalPlace.Core.Partnership;
using TotalPlace.Core.Partnership.Files;
using TotalPlace.Storage.Partnership;

namespace TotalPlace.Storage.DuckDb;

/// <summary>The partnership side of the embedded store: offers saved beside their place (migration 200).</summary>
public sealed partial class DuckDbPlaceStore : IPartnershipStore
{
    private static readonly string[] s_offerTables = ["offer", "offer_partner", "pool_contribution", "offer_outcome", "outcome_actual"];

    /// <inheritdoc/>
    public Task SaveOfferAsync(Offer offer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return WriteAsync(
            async connection =>
            {
                var (_, placeId) = await EnsurePlaceAsync(connection, offer.PlaceCode, cancellationToken);
                await InsertOfferAsync(connection, placeId, offer, cancellationToken);
                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<Offer?> LoadOfferAsync(string placeCode, string offerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(offerId);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await LoadOfferAsync(connection, placeCode, offerId, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<OfferSummary>> ListOffersAsync(string? placeCode = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        const string Sql = """
            SELECT p.code, o.offer_id, o.title, o.kind, o.status, o.start_date, o.version,
                   (SELECT count(*) FROM offer_partner x WHERE x.place_id = o.place_id AND x.offer_id = o.offer_id),
                   (SELECT count(*) FROM offer_outcome x WHERE x.place_id = o.place_id AND x.offer_id = o.offer_id),
                   (SELECT coalesce(sum(x.cash + x.in_kind), 0) FROM pool_contribution x WHERE x.place_id = o.place_id AND x.offer_id = o.offer_id),
                   (SELECT count(*) FROM outcome_actual x WHERE x.place_id = o.place_id AND x.offer_id = o.offer_id)
            FROM offer o JOIN place p ON p.place_id = o.place_id
            WHERE $1 IS NULL OR p.code = $1
            ORDER BY p.code, o.offer_id
            """;
        return await QueryAsync(
            connection,
            Sql,
            r => new OfferSummary(
                r.GetString(0),
                r.GetString(1),
                r.GetString(2),
                r.GetString(3),
                r.GetString(4),
                DateOnly.FromDateTime(r.GetDateTime(5)),
                r.GetString(6),
                Convert.ToInt32(r.GetValue(7), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt32(r.GetValue(8), System.Globalization.CultureInfo.InvariantCulture),
                r.GetDecimal(9),
                Convert.ToInt32(r.GetValue(10), System.Globalization.CultureInfo.InvariantCulture)),
            cancellationToken,
            placeCode);
    }

    /// <inheritdoc/>
    public Task RecordActualAsync(string placeCode, string offerId, OutcomeActual actual, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(offerId);
        ArgumentNullException.ThrowIfNull(actual);
        return WriteAsync(
            async connection =>
            {
                var offer = await LoadOfferAsync(connection, placeCode, offerId, cancellationToken)
                    ?? throw new PlaceStoreException($"There is no offer '{offerId}' for place {placeCode} in the store; save it first.");
                offer.RecordActual(actual);
                var (_, placeId) = await EnsurePlaceAsync(connection, offer.PlaceCode, cancellationToken);
                await InsertOfferAsync(connection, placeId, offer, cancellationToken);
                return true;
            },
            cancellationToken);
    }

    private static async Task<Offer?> LoadOfferAsync(DuckDBConnection connection, string placeCode, string offerId, CancellationToken cancellationToken)
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

    // Replaces every row of the offer inside the caller's transaction, so a save is all or nothing.
    private static async Task InsertOfferAsync(DuckDBConnection connection, int placeId, Offer offer, CancellationToken cancellationToken)
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

        for (var i = 0; i < offer.Partners.Count; i++)
        {
            await ExecuteAsync(connection, "INSERT INTO offer_partner VALUES ($1, $2, $3, $4, $5)", cancellationToken,
                placeId, offer.Id, i + 1, offer.Partners[i].Name, offer.Partners[i].Kind.ToString());
        }

        var contributions = offer.Pool?.Contributions ?? [];
        for (var i = 0; i < contributions.Count; i++)
        {
            var c = contributions[i];
            await ExecuteAsync(connection, "INSERT INTO pool_contribution VALUES ($1, $2, $3, $4, $5, $6, $7)", cancellationToken,
                placeId, offer.Id, i + 1, c.Partner, c.Year.ToString(), c.Cash.Pounds, c.InKind.Pounds);
        }

        for (var i = 0; i < offer.Outcomes.Count; i++)
        {
            var o = offer.Outcomes[i];
            await ExecuteAsync(connection, "INSERT INTO offer_outcome VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)", cancellationToken,
                placeId, offer.Id, i + 1, o.Name, o.Indicator, o.Unit, o.Baseline?.Value, o.Baseline?.Date, o.Target?.Value, o.Target?.Date, o.MeasuredBy);
        }

        for (var i = 0; i < offer.Actuals.Count; i++)
        {
            var a = offer.Actuals[i];
            await ExecuteAsync(connection, "INSERT INTO outcome_actual VALUES ($1, $2, $3, $4, $5, $6)", cancellationToken,
                placeId, offer.Id, i + 1, a.Outcome, a.Date, a.Value);
        }
    }
}
