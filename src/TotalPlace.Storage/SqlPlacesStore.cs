using System.Data.Common;
using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;
using TotalPlace.Storage.Audit;
using TotalPlace.Storage.Rules;
using static TotalPlace.Storage.SqlCommands;
using static TotalPlace.Storage.SqlPlaceRows;

namespace TotalPlace.Storage;

/// <summary>The places-and-rules area of every SQL engine (<see cref="IPlacesStore"/>), written once in portable SQL
/// over the one engine object: places and their populations, agencies, themes and rules (here), re-classification
/// (through the rule workbench, whose plan it shares) and deleting a place (SqlPlacesStore.DeletePlace.cs).</summary>
/// <typeparam name="TConnection">The engine's ADO.NET connection.</typeparam>
internal sealed partial class SqlPlacesStore<TConnection>(ISqlEngine<TConnection> engine, SqlRuleWorkbench<TConnection> rules) : IPlacesStore
    where TConnection : DbConnection
{
    /// <inheritdoc/>
    public async Task<Place> EnsurePlaceAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        var code = CheckCode(placeCode);
        return await FindPlaceAsync(code, cancellationToken)
            ?? await engine.WriteAsync(
                async c =>
                {
                    var before = (await LoadPlaceAsync(c, code, cancellationToken))?.Place;
                    var (place, _) = await engine.EnsurePlaceAsync(c, code, cancellationToken);
                    await SqlAuditTrail.AppendIfAsync(c, StoreAuditRecords.Place(before, place), cancellationToken);
                    return place;
                },
                cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Place> UpsertPlaceAsync(Place place, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(place);
        var code = CheckCode(place.Code);
        ArgumentException.ThrowIfNullOrWhiteSpace(place.Name);
        return engine.WriteAsync(
            async connection =>
            {
                var before = (await LoadPlaceAsync(connection, code, cancellationToken))?.Place;
                var (_, id) = await engine.EnsurePlaceAsync(connection, code, cancellationToken);
                await ExecuteAsync(connection, "UPDATE place SET name = $2 WHERE place_id = $1", cancellationToken, id, place.Name);
                await ExecuteAsync(connection, "DELETE FROM place_population WHERE place_id = $1", cancellationToken, id);
                foreach (var (year, population) in place.Population)
                {
                    await ExecuteAsync(connection, "INSERT INTO place_population VALUES ($1, $2, $3)", cancellationToken, id, year, population);
                }

                var after = (await LoadPlaceAsync(connection, code, cancellationToken))!.Value.Place;
                await SqlAuditTrail.AppendIfAsync(connection, StoreAuditRecords.Place(before, after), cancellationToken);
                return after;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<Place?> FindPlaceAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        var code = CheckCode(placeCode);
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return (await LoadPlaceAsync(connection, code, cancellationToken))?.Place;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Place>> ListPlacesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        var codes = await QueryAsync(connection, "SELECT code FROM place ORDER BY code", r => r.GetString(0), cancellationToken);
        var places = new List<Place>(codes.Count);
        foreach (var code in codes)
        {
            places.Add((await LoadPlaceAsync(connection, code, cancellationToken))!.Value.Place);
        }

        return places;
    }

    /// <inheritdoc/>
    public Task<Agency> EnsureAgencyAsync(string placeCode, Agency agency, CancellationToken cancellationToken = default)
    {
        var code = CheckCode(placeCode);
        ArgumentNullException.ThrowIfNull(agency);
        ArgumentException.ThrowIfNullOrWhiteSpace(agency.Name);
        return engine.WriteAsync(
            async connection =>
            {
                var (_, placeId) = await engine.EnsurePlaceAsync(connection, code, cancellationToken);
                var (stored, _, before) = await SqlPlaceRows.EnsureAgencyAsync(connection, placeId, agency, overwrite: true, cancellationToken);
                await SqlAuditTrail.AppendIfAsync(connection, StoreAuditRecords.Agency(code, before, stored), cancellationToken);
                return stored;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Agency>> ListAgenciesAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        var code = CheckCode(placeCode);
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await QueryAsync(
            connection,
            "SELECT a.name, a.kind, a.funding_source FROM agency a JOIN place p ON p.place_id = a.place_id WHERE p.code = $1 ORDER BY a.name",
            ReadAgency,
            cancellationToken,
            code);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ClassificationRule>> ListRulesAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        var code = CheckCode(placeCode);
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await QueryAsync(
            connection,
            "SELECT r.field, r.match_kind, r.pattern, r.theme, r.priority, r.note FROM classification_rule r JOIN place p ON p.place_id = r.place_id WHERE p.code = $1 ORDER BY r.rule_no",
            ReadRule,
            cancellationToken,
            code);
    }

    /// <inheritdoc/>
    public Task AddRuleAsync(string placeCode, ClassificationRule rule, CancellationToken cancellationToken = default)
    {
        var code = CheckCode(placeCode);
        ArgumentNullException.ThrowIfNull(rule);
        _ = new ClassificationRules([rule]);
        return engine.WriteAsync(
            async connection =>
            {
                var themes = await ThemesAsync(connection, cancellationToken);
                if (!themes.Any(t => string.Equals(t.Code, rule.Theme, StringComparison.Ordinal)))
                {
                    throw new ArgumentException(
                        $"The rule's theme '{rule.Theme}' is not a known theme code; add the theme first or use one of: {string.Join(", ", themes.Select(t => t.Code))}.",
                        nameof(rule));
                }

                var (_, placeId) = await engine.EnsurePlaceAsync(connection, code, cancellationToken);
                var next = await ScalarAsync<int>(connection, "SELECT coalesce(max(rule_no), 0) + 1 FROM classification_rule WHERE place_id = $1", cancellationToken, placeId);
                var inserted = await InsertRuleAsync(connection, placeId, next, rule, cancellationToken);
                await SqlAuditTrail.AppendAsync(connection, StoreAuditRecords.Rule(code, next, rule), cancellationToken);
                return inserted;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Theme>> ListThemesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await ThemesAsync(connection, cancellationToken);
    }

    /// <inheritdoc/>
    public Task AddThemeAsync(Theme theme, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(theme);
        ArgumentException.ThrowIfNullOrWhiteSpace(theme.Code);
        ArgumentException.ThrowIfNullOrWhiteSpace(theme.Name);
        return engine.WriteAsync(
            async connection =>
            {
                var before = (await QueryAsync(connection, "SELECT code, name FROM theme WHERE code = $1", ReadTheme, cancellationToken, theme.Code)).FirstOrDefault();
                await SqlAuditTrail.AppendIfAsync(connection, StoreAuditRecords.Theme(before, theme), cancellationToken);
                if (before is not null)
                {
                    return await ExecuteAsync(connection, "UPDATE theme SET name = $2 WHERE code = $1", cancellationToken, theme.Code, theme.Name);
                }

                return await ExecuteAsync(
                    connection,
                    "INSERT INTO theme SELECT $1, $2, FALSE, coalesce(max(sort_order), 0) + 1 FROM theme",
                    cancellationToken,
                    theme.Code,
                    theme.Name);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>The rule workbench's plan (<see cref="SqlRuleWorkbench{TConnection}"/>), so a preview and the
    /// re-classification that follows cannot disagree.</remarks>
    public Task<ReclassifyResult> ReclassifyAsync(string placeCode, CancellationToken cancellationToken = default) =>
        rules.ReclassifyAsync(placeCode, cancellationToken);
}
