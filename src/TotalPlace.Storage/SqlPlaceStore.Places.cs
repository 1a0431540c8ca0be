using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;
using TotalPlace.Storage.Audit;

namespace TotalPlace.Storage;

public abstract partial class SqlPlaceStore<TConnection>
{
    /// <inheritdoc/>
    public async Task<Place> EnsurePlaceAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        var code = CheckCode(placeCode);
        return await FindPlaceAsync(code, cancellationToken)
            ?? await WriteAsync(
                async c =>
                {
                    var before = (await LoadPlaceAsync(c, code, cancellationToken))?.Place;
                    var (place, _) = await EnsurePlaceAsync(c, code, cancellationToken);
                    await AuditIfAsync(c, StoreAuditRecords.Place(before, place), cancellationToken);
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
        return WriteAsync(
            async connection =>
            {
                var before = (await LoadPlaceAsync(connection, code, cancellationToken))?.Place;
                var (_, id) = await EnsurePlaceAsync(connection, code, cancellationToken);
                await ExecuteAsync(connection, "UPDATE place SET name = $2 WHERE place_id = $1", cancellationToken, id, place.Name);
                await ExecuteAsync(connection, "DELETE FROM place_population WHERE place_id = $1", cancellationToken, id);
                foreach (var (year, population) in place.Population)
                {
                    await ExecuteAsync(connection, "INSERT INTO place_population VALUES ($1, $2, $3)", cancellationToken, id, year, population);
                }

                var after = (await LoadPlaceAsync(connection, code, cancellationToken))!.Value.Place;
                await AuditIfAsync(connection, StoreAuditRecords.Place(before, after), cancellationToken);
                return after;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<Place?> FindPlaceAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        var code = CheckCode(placeCode);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return (await LoadPlaceAsync(connection, code, cancellationToken))?.Place;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Place>> ListPlacesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
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
        return WriteAsync(
            async connection =>
            {
                var (_, placeId) = await EnsurePlaceAsync(connection, code, cancellationToken);
                var before = (await QueryAsync(
                    connection,
                    "SELECT name, kind, funding_source FROM agency WHERE place_id = $1 AND lower(name) = lower($2)",
                    ReadAgency,
                    cancellationToken,
                    placeId,
                    agency.Name.Trim())).FirstOrDefault();
                var (stored, _) = await EnsureAgencyAsync(connection, placeId, agency, overwrite: true, cancellationToken);
                await AuditIfAsync(connection, StoreAuditRecords.Agency(code, before, stored), cancellationToken);
                return stored;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Agency>> ListAgenciesAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        var code = CheckCode(placeCode);
        await using var connection = await OpenConnectionAsync(cancellationToken);
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
        await using var connection = await OpenConnectionAsync(cancellationToken);
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
        return WriteAsync(
            async connection =>
            {
                var themes = await ThemesAsync(connection, cancellationToken);
                if (!themes.Any(t => string.Equals(t.Code, rule.Theme, StringComparison.Ordinal)))
                {
                    throw new ArgumentException(
                        $"The rule's theme '{rule.Theme}' is not a known theme code; add the theme first or use one of: {string.Join(", ", themes.Select(t => t.Code))}.",
                        nameof(rule));
                }

                var (_, placeId) = await EnsurePlaceAsync(connection, code, cancellationToken);
                var next = await ScalarAsync<int>(connection, "SELECT coalesce(max(rule_no), 0) + 1 FROM classification_rule WHERE place_id = $1", cancellationToken, placeId);
                var inserted = await InsertRuleAsync(connection, placeId, next, rule, cancellationToken);
                await AuditAsync(connection, StoreAuditRecords.Rule(code, next, rule), cancellationToken);
                return inserted;
            },
            cancellationToken);
    }

    private protected static string CheckCode(string placeCode) => SqlCommands.CheckCode(placeCode);

    private protected static Agency ReadAgency(System.Data.Common.DbDataReader r) =>
        new(r.GetString(0), Enum.Parse<AgencyKind>(r.GetString(1)), Enum.Parse<FundingSource>(r.GetString(2)));

    private protected static Task<(Place Place, int Id)?> LoadPlaceAsync(TConnection connection, string code, CancellationToken cancellationToken) =>
        SqlCommands.LoadPlaceAsync(connection, code, cancellationToken);

    /// <summary>Finds or creates the place inside the caller's transaction; a new place gets its ONS name and
    /// population and the default classification rules.</summary>
    private protected async Task<(Place Place, int Id)> EnsurePlaceAsync(TConnection connection, string code, CancellationToken cancellationToken)
    {
        if (await LoadPlaceAsync(connection, code, cancellationToken) is { } existing)
        {
            return existing;
        }

        var ons = OnsPopulation.Find(code);
        var id = await ScalarAsync<int>(connection, "SELECT coalesce(max(place_id), 0) + 1 FROM place", cancellationToken);
        await ExecuteAsync(connection, "INSERT INTO place VALUES ($1, $2, $3)", cancellationToken, id, code, ons?.Name ?? code);
        foreach (var (year, population) in ons?.Population ?? new Dictionary<int, long>())
        {
            await ExecuteAsync(connection, "INSERT INTO place_population VALUES ($1, $2, $3)", cancellationToken, id, year, population);
        }

        var rules = ClassificationRules.Default.Rules;
        using (var appender = BeginBulk(connection, "classification_rule"))
        {
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i];
                appender.CreateRow()
                    .AppendValue(id)
                    .AppendValue(i + 1)
                    .AppendValue(ClassificationRules.FieldName(rule.Field))
                    .AppendValue(rule.Match.ToString().ToLowerInvariant())
                    .AppendValue(rule.Pattern)
                    .AppendValue(rule.Theme)
                    .AppendValue(rule.Priority)
                    .AppendValue(rule.Note)
                    .EndRow();
            }

            appender.Complete();
        }

        return (await LoadPlaceAsync(connection, code, cancellationToken))!.Value;
    }

    private protected static Task<int> InsertRuleAsync(TConnection connection, int placeId, int ruleNo, ClassificationRule rule, CancellationToken cancellationToken) =>
        ExecuteAsync(
            connection,
            "INSERT INTO classification_rule VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            cancellationToken,
            placeId,
            ruleNo,
            ClassificationRules.FieldName(rule.Field),
            rule.Match.ToString().ToLowerInvariant(),
            rule.Pattern,
            rule.Theme,
            rule.Priority,
            rule.Note);

    private protected static async Task<(Agency Agency, int Id)> EnsureAgencyAsync(TConnection connection, int placeId, Agency agency, bool overwrite, CancellationToken cancellationToken)
    {
        var name = agency.Name.Trim();
        var rows = await QueryAsync(
            connection,
            "SELECT agency_id, name, kind, funding_source FROM agency WHERE place_id = $1 AND lower(name) = lower($2)",
            r => (Id: r.GetInt32(0), Agency: new Agency(r.GetString(1), Enum.Parse<AgencyKind>(r.GetString(2)), Enum.Parse<FundingSource>(r.GetString(3)))),
            cancellationToken,
            placeId,
            name);
        if (rows.Count > 0)
        {
            var (id, stored) = rows[0];
            if (overwrite && agency.Kind != AgencyKind.Other && (stored.Kind != agency.Kind || stored.FundingSource != agency.FundingSource))
            {
                var funding = agency.FundingSource == FundingSource.Unknown ? Agency.DefaultFundingSource(agency.Kind) : agency.FundingSource;
                await ExecuteAsync(
                    connection,
                    "UPDATE agency SET kind = $3, funding_source = $4 WHERE place_id = $1 AND agency_id = $2",
                    cancellationToken,
                    placeId,
                    id,
                    agency.Kind.ToString(),
                    funding.ToString());
                stored = stored with { Kind = agency.Kind, FundingSource = funding };
            }

            return (stored, id);
        }

        var newId = await ScalarAsync<int>(connection, "SELECT coalesce(max(agency_id), 0) + 1 FROM agency WHERE place_id = $1", cancellationToken, placeId);
        var fundingSource = agency.FundingSource == FundingSource.Unknown ? Agency.DefaultFundingSource(agency.Kind) : agency.FundingSource;
        await ExecuteAsync(
            connection,
            "INSERT INTO agency VALUES ($1, $2, $3, $4, $5)",
            cancellationToken,
            placeId,
            newId,
            name,
            agency.Kind.ToString(),
            fundingSource.ToString());
        return (new Agency(name, agency.Kind, fundingSource), newId);
    }
}
