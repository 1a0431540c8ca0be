using System.Data.Common;
using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;
using TotalPlace.Storage.Audit;
using static TotalPlace.Storage.SqlCommands;

namespace TotalPlace.Storage;

/// <summary>The row-level steps on places, agencies, themes and rules that several areas take inside their own
/// transactions (a commit creates its place and agency, a package creates its partners): written once, each taking the
/// connection to run on and, where it bulk-loads, the engine.</summary>
internal static class SqlPlaceRows
{
    public static Theme ReadTheme(DbDataReader r) => new(r.GetString(0), r.GetString(1));

    public static ClassificationRule ReadRule(DbDataReader r)
    {
        _ = ClassificationRules.TryParseField(r.GetString(0), out var field);
        var match = Enum.Parse<ClassificationMatch>(r.GetString(1), ignoreCase: true);
        return new ClassificationRule(field, match, r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5));
    }

    public static Agency ReadAgency(DbDataReader r) =>
        new(r.GetString(0), Enum.Parse<AgencyKind>(r.GetString(1)), Enum.Parse<FundingSource>(r.GetString(2)));

    public static async Task<List<Theme>> ThemesAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await QueryAsync(connection, "SELECT code, name FROM theme ORDER BY sort_order, code", ReadTheme, cancellationToken);

    /// <summary>The place's classifier: its rules in list order over the store's themes.</summary>
    public static async Task<StoreClassifier> ClassifierAsync(DbConnection connection, int placeId, CancellationToken cancellationToken)
    {
        var rules = await QueryAsync(
            connection,
            "SELECT field, match_kind, pattern, theme, priority, note FROM classification_rule WHERE place_id = $1 ORDER BY rule_no",
            ReadRule,
            cancellationToken,
            placeId);
        return new StoreClassifier(new ClassificationRules(rules), await ThemesAsync(connection, cancellationToken));
    }

    /// <summary>Finds or creates the place inside the caller's transaction; a new place gets its ONS name and
    /// population and the default classification rules.</summary>
    public static async Task<(Place Place, int Id)> EnsurePlaceAsync<TConnection>(ISqlEngine<TConnection> engine, TConnection connection, string code, CancellationToken cancellationToken)
        where TConnection : DbConnection
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
        using (var appender = engine.BeginBulk(connection, "classification_rule"))
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

    /// <summary>Finds or creates the place inside the caller's transaction (a refused file leaves no place behind),
    /// auditing its creation as <see cref="IPlacesStore.EnsurePlaceAsync"/> does.</summary>
    public static async Task<int> EnsureAuditedPlaceAsync<TConnection>(ISqlEngine<TConnection> engine, TConnection connection, string code, CancellationToken cancellationToken)
        where TConnection : DbConnection
    {
        var before = (await LoadPlaceAsync(connection, code, cancellationToken))?.Place;
        var (place, placeId) = await engine.EnsurePlaceAsync(connection, code, cancellationToken);
        await SqlAuditTrail.AppendIfAsync(connection, StoreAuditRecords.Place(before, place), cancellationToken);
        return placeId;
    }

    public static Task<int> InsertRuleAsync(DbConnection connection, int placeId, int ruleNo, ClassificationRule rule, CancellationToken cancellationToken) =>
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

    /// <summary>Finds or creates the agency in the place inside the caller's transaction; with
    /// <paramref name="overwrite"/> an existing agency takes the given kind (unless it is <see cref="AgencyKind.Other"/>).
    /// Also returns the agency as it was stored before (null when new): what an audit entry shows as "before".</summary>
    public static async Task<(Agency Agency, int Id, Agency? Before)> EnsureAgencyAsync(DbConnection connection, int placeId, Agency agency, bool overwrite, CancellationToken cancellationToken)
    {
        var name = agency.Name.Trim();
        var funding = agency.FundingSource == FundingSource.Unknown ? Agency.DefaultFundingSource(agency.Kind) : agency.FundingSource;
        var rows = await QueryAsync(
            connection,
            "SELECT name, kind, funding_source, agency_id FROM agency WHERE place_id = $1 AND lower(name) = lower($2)",
            r => (Id: r.GetInt32(3), Agency: ReadAgency(r)),
            cancellationToken,
            placeId,
            name);
        if (rows.Count > 0)
        {
            var (id, stored) = rows[0];
            var before = stored;
            if (overwrite && agency.Kind != AgencyKind.Other && (stored.Kind != agency.Kind || stored.FundingSource != agency.FundingSource))
            {
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

            return (stored, id, before);
        }

        var newId = await ScalarAsync<int>(connection, "SELECT coalesce(max(agency_id), 0) + 1 FROM agency WHERE place_id = $1", cancellationToken, placeId);
        await ExecuteAsync(
            connection,
            "INSERT INTO agency VALUES ($1, $2, $3, $4, $5)",
            cancellationToken,
            placeId,
            newId,
            name,
            agency.Kind.ToString(),
            funding.ToString());
        return (new Agency(name, agency.Kind, funding), newId, null);
    }
}
