using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using TotalPlace.Core.Spending;
using TotalPlace.Storage.Audit;
using static TotalPlace.Storage.SqlCommands;
using static TotalPlace.Storage.SqlPlaceRows;

namespace TotalPlace.Storage.Rules;

/// <summary>The rule workbench of every SQL engine (<see cref="IRuleWorkbench"/>): previewing a rule and reordering
/// rules, and the re-classification plan they share with <see cref="IPlacesStore.ReclassifyAsync"/> (which the places
/// area runs through <see cref="ReclassifyAsync"/>), written once in portable SQL over the one engine object.</summary>
/// <typeparam name="TConnection">The engine's ADO.NET connection.</typeparam>
internal sealed class SqlRuleWorkbench<TConnection>(ISqlEngine<TConnection> engine) : IRuleWorkbench
    where TConnection : DbConnection
{
    /// <summary>Re-applies the place's rules to every stored transaction and statement (<see cref="IPlacesStore.ReclassifyAsync"/>).</summary>
    /// <remarks>Set-based: the distinct classification keys are read, classified by the same Core
    /// <see cref="ClassificationRules"/> that classify lines on import (so import and re-classification always agree),
    /// appended to a temporary table and joined back in one UPDATE per table.</remarks>
    public Task<ReclassifyResult> ReclassifyAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        var code = CheckCode(placeCode);
        return engine.WriteAsync(
            async connection =>
            {
                var loaded = await LoadPlaceAsync(connection, code, cancellationToken)
                    ?? throw new KeyNotFoundException($"The store has no place {code}.");
                var placeId = loaded.Id;
                var classifier = await ClassifierAsync(connection, placeId, cancellationToken);
                var plan = await PlanReclassifyAsync(connection, placeId, classifier, cancellationToken);
                var changed = (long)await ExecuteAsync(
                    connection,
                    $"UPDATE spend_transaction t SET theme = k.theme FROM reclassify_key k WHERE t.place_id = $1 AND {plan.Join} AND t.theme <> k.theme",
                    cancellationToken,
                    placeId);
                await ExecuteAsync(connection, "DROP TABLE reclassify_key", cancellationToken);
                foreach (var (service, now) in plan.StatementChanges)
                {
                    changed += await ExecuteAsync(
                        connection,
                        "UPDATE spend_statement SET theme = $3 WHERE place_id = $1 AND service = $2 AND theme <> $3" + NotCountBatch,
                        cancellationToken,
                        placeId,
                        service,
                        now);
                }

                var lines = await ScalarAsync<long>(
                    connection,
                    "SELECT (SELECT count(*) FROM spend_transaction WHERE place_id = $1) + (SELECT count(*) FROM spend_statement WHERE place_id = $1)",
                    cancellationToken,
                    placeId);
                var result = new ReclassifyResult(lines, changed, plan.Keys);
                await SqlAuditTrail.AppendAsync(connection, ReclassifiedRecord(code, result, classifier.Rules.Rules.Count, plan.Moves), cancellationToken);
                return result;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>Runs the same plan as <see cref="ReclassifyAsync"/> with the rule appended, inside a transaction that is
    /// rolled back, so the preview and the re-classification that follows cannot disagree.</remarks>
    public async Task<RulePreview> PreviewRuleAsync(string placeCode, ClassificationRule rule, CancellationToken cancellationToken = default)
    {
        var code = CheckCode(placeCode);
        ArgumentNullException.ThrowIfNull(rule);
        _ = new ClassificationRules([rule]);
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var loaded = await LoadPlaceAsync(connection, code, cancellationToken)
                ?? throw new KeyNotFoundException($"The store has no place {code}.");
            var current = await ClassifierAsync(connection, loaded.Id, cancellationToken);
            var themes = await ThemesAsync(connection, cancellationToken);
            if (!themes.Any(t => string.Equals(t.Code, rule.Theme, StringComparison.Ordinal)))
            {
                throw new ArgumentException($"The rule's theme '{rule.Theme}' is not a known theme code.", nameof(rule));
            }

            var plan = await PlanReclassifyAsync(connection, loaded.Id, new StoreClassifier(current.Rules.With(rule), themes), cancellationToken);
            return new RulePreview(code, rule, [.. Merge(plan.Moves).Select(m => new RuleThemeMove(m.Source, m.From, m.To, m.Lines, m.Amount))]);
        }
        finally
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
    }

    /// <inheritdoc/>
    public Task MoveRuleAsync(string placeCode, int ruleNo, bool earlier, CancellationToken cancellationToken = default)
    {
        var code = CheckCode(placeCode);
        ArgumentOutOfRangeException.ThrowIfLessThan(ruleNo, 1);
        return engine.WriteAsync(
            async connection =>
            {
                var loaded = await LoadPlaceAsync(connection, code, cancellationToken)
                    ?? throw new KeyNotFoundException($"The store has no place {code}.");
                var other = earlier ? ruleNo - 1 : ruleNo + 1;
                var count = await ScalarAsync<int>(connection, "SELECT count(*) FROM classification_rule WHERE place_id = $1 AND rule_no IN ($2, $3)", cancellationToken, loaded.Id, ruleNo, other);
                if (count != 2)
                {
                    throw new ArgumentOutOfRangeException(nameof(ruleNo), ruleNo, $"Rule {ruleNo} of {code} has no rule {(earlier ? "before" : "after")} it to change places with.");
                }

                // Three steps through a free number because (place_id, rule_no) is the key.
                await ExecuteAsync(connection, "UPDATE classification_rule SET rule_no = -1 WHERE place_id = $1 AND rule_no = $2", cancellationToken, loaded.Id, ruleNo);
                await ExecuteAsync(connection, "UPDATE classification_rule SET rule_no = $2 WHERE place_id = $1 AND rule_no = $3", cancellationToken, loaded.Id, ruleNo, other);
                await ExecuteAsync(connection, "UPDATE classification_rule SET rule_no = $2 WHERE place_id = $1 AND rule_no = -1", cancellationToken, loaded.Id, other);
                await SqlAuditTrail.AppendAsync(connection, StoreAuditRecords.RuleMoved(code, ruleNo, other), cancellationToken);
                return 0;
            },
            cancellationToken);
    }

    /// <summary>Classifies the place's distinct keys into the temporary reclassify_key table and works out the money
    /// each theme change would move, before anything is changed.</summary>
    private async Task<ReclassifyPlan> PlanReclassifyAsync(TConnection connection, int placeId, StoreClassifier classifier, CancellationToken cancellationToken)
    {
        var fields = classifier.Rules.Fields;
        string Col(ClassificationField field, string column) => fields.Contains(field) ? column : "CAST(NULL AS TEXT)";

        var keys = await QueryAsync(
            connection,
            $"SELECT DISTINCT {Col(ClassificationField.ServiceCode, "service_code")}, {Col(ClassificationField.ExpenseArea, "expense_area")}, " +
            $"{Col(ClassificationField.ExpenseType, "expense_type")}, {Col(ClassificationField.Description, "description")}, " +
            $"{Col(ClassificationField.Supplier, "supplier")} FROM spend_transaction WHERE place_id = $1",
            r => new ClassificationKey(NullableString(r, 0), NullableString(r, 1), NullableString(r, 2), NullableString(r, 3), NullableString(r, 4)),
            cancellationToken,
            placeId);

        await ExecuteAsync(connection, engine.CreateReclassifyKeySql, cancellationToken);
        using (var appender = engine.BeginBulk(connection, "reclassify_key"))
        {
            foreach (var key in keys)
            {
                appender.CreateRow()
                    .AppendValue(key.ServiceCode)
                    .AppendValue(key.ExpenseArea)
                    .AppendValue(key.ExpenseType)
                    .AppendValue(key.Description)
                    .AppendValue(key.Supplier)
                    .AppendValue(classifier.Classify(key))
                    .EndRow();
            }

            appender.Complete();
        }

        var join = string.Join(
            " AND ",
            new[]
            {
                (ClassificationField.ServiceCode, "service_code"),
                (ClassificationField.ExpenseArea, "expense_area"),
                (ClassificationField.ExpenseType, "expense_type"),
                (ClassificationField.Description, "description"),
                (ClassificationField.Supplier, "supplier"),
            }
            .Where(f => fields.Contains(f.Item1))
            .Select(f => $"t.{f.Item2} IS NOT DISTINCT FROM k.{f.Item2}")
            .DefaultIfEmpty("TRUE"));
        var moves = await QueryAsync(
            connection,
            $"SELECT t.theme, k.theme, count(*), sum(t.amount) FROM spend_transaction t JOIN reclassify_key k ON {join} " +
            "WHERE t.place_id = $1 AND t.theme <> k.theme GROUP BY t.theme, k.theme",
            r => new ThemeMove("transactions", r.GetString(0), r.GetString(1), Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture), r.GetDecimal(3)),
            cancellationToken,
            placeId);

        var statementChanges = new List<(string Service, string Theme)>();
        var services = await QueryAsync(connection, "SELECT DISTINCT service, theme FROM spend_statement WHERE place_id = $1" + NotCountBatch, r => (Service: r.GetString(0), Theme: r.GetString(1)), cancellationToken, placeId);
        // A service stored under two themes is one change, and its money is counted once.
        foreach (var service in services.GroupBy(s => s.Service, StringComparer.Ordinal))
        {
            var now = classifier.ClassifyStatement(service.Key);
            if (service.Any(s => !string.Equals(now, s.Theme, StringComparison.Ordinal)))
            {
                statementChanges.Add((service.Key, now));
                moves.AddRange(await QueryAsync(
                    connection,
                    "SELECT theme, count(*), sum(amount) FROM spend_statement WHERE place_id = $1 AND service = $2 AND theme <> $3" + NotCountBatch + " GROUP BY theme",
                    r => new ThemeMove("statements", r.GetString(0), now, Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture), r.GetDecimal(2)),
                    cancellationToken,
                    placeId,
                    service.Key,
                    now));
            }
        }

        return new ReclassifyPlan(keys.Count + services.Count, join, moves, statementChanges);
    }

    // A package's top-down count keeps the theme its return's service line maps to (MhclgServices): rules classify
    // published lines, not official returns, so re-classifying never moves it.
    private const string NotCountBatch = " AND batch_id NOT IN (SELECT batch_id FROM import_batch WHERE place_id = $1 AND kind = 'count')";

    private static List<ThemeMove> Merge(List<ThemeMove> moves) =>
        moves
            .GroupBy(m => (m.Source, m.From, m.To))
            .Select(g => new ThemeMove(g.Key.Source, g.Key.From, g.Key.To, g.Sum(m => m.Lines), g.Sum(m => m.Amount)))
            .OrderByDescending(m => Math.Abs(m.Amount))
            .ThenBy(m => m.Source, StringComparer.Ordinal)
            .ThenBy(m => m.From, StringComparer.Ordinal)
            .ThenBy(m => m.To, StringComparer.Ordinal)
            .ToList();

    private sealed record ReclassifyPlan(int Keys, string Join, List<ThemeMove> Moves, List<(string Service, string Theme)> StatementChanges);

    private static AuditRecord ReclassifiedRecord(string code, ReclassifyResult result, int rules, List<ThemeMove> moves)
    {
        var merged = Merge(moves);
        var moved = merged.Sum(m => m.Amount);
        var details = new JsonObject
        {
            ["rules"] = rules,
            ["lines"] = result.Lines,
            ["linesChanged"] = result.Changed,
            ["keys"] = result.DistinctKeys,
            ["moneyMoved"] = moved,
            ["moves"] = new JsonArray([.. merged.Select(m => (JsonNode?)new JsonObject
            {
                ["source"] = m.Source,
                ["from"] = m.From,
                ["to"] = m.To,
                ["lines"] = m.Lines,
                ["amount"] = m.Amount,
            })]),
        };
        return new AuditRecord(
            AuditActions.PlaceReclassified,
            AuditSubjects.Place,
            code,
            code,
            "",
            $"Re-classified {code} by its {rules:N0} rules: {result.Changed:N0} of {result.Lines:N0} lines changed theme, moving {AuditRecords.Pounds(moved)}.",
            details);
    }

    private sealed record ThemeMove(string Source, string From, string To, long Lines, decimal Amount);
}
