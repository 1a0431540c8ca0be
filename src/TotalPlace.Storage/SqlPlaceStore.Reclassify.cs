using System.Globalization;
using System.Text.Json.Nodes;
using TotalPlace.Core.Spending;
using TotalPlace.Storage.Audit;

namespace TotalPlace.Storage;

public abstract partial class SqlPlaceStore<TConnection>
{
    /// <inheritdoc/>
    /// <remarks>Set-based: the distinct classification keys are read, classified by the same Core
    /// <see cref="ClassificationRules"/> that classify lines on import (so import and re-classification always agree),
    /// appended to a temporary table and joined back in one UPDATE per table.</remarks>
    public Task<ReclassifyResult> ReclassifyAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        var code = CheckCode(placeCode);
        return WriteAsync(
            async connection =>
            {
                var loaded = await LoadPlaceAsync(connection, code, cancellationToken)
                    ?? throw new KeyNotFoundException($"The store has no place {code}.");
                var placeId = loaded.Id;
                var classifier = await ClassifierAsync(connection, placeId, cancellationToken);
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

                await ExecuteAsync(
                    connection,
                    CreateReclassifyKeySql,
                    cancellationToken);
                using (var appender = BeginBulk(connection, "reclassify_key"))
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
                // The money each theme change moves, read before the UPDATE that makes it (for the audit entry).
                var moves = await QueryAsync(
                    connection,
                    $"SELECT t.theme, k.theme, count(*), sum(t.amount) FROM spend_transaction t JOIN reclassify_key k ON {join} " +
                    "WHERE t.place_id = $1 AND t.theme <> k.theme GROUP BY t.theme, k.theme",
                    r => new ThemeMove("transactions", r.GetString(0), r.GetString(1), Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture), r.GetDecimal(3)),
                    cancellationToken,
                    placeId);
                var changed = (long)await ExecuteAsync(
                    connection,
                    $"UPDATE spend_transaction t SET theme = k.theme FROM reclassify_key k WHERE t.place_id = $1 AND {join} AND t.theme <> k.theme",
                    cancellationToken,
                    placeId);
                await ExecuteAsync(connection, "DROP TABLE reclassify_key", cancellationToken);

                var services = await QueryAsync(connection, "SELECT DISTINCT service, theme FROM spend_statement WHERE place_id = $1", r => (Service: r.GetString(0), Theme: r.GetString(1)), cancellationToken, placeId);
                foreach (var (service, theme) in services)
                {
                    var now = classifier.ClassifyStatement(service);
                    if (!string.Equals(now, theme, StringComparison.Ordinal))
                    {
                        moves.AddRange(await QueryAsync(
                            connection,
                            "SELECT theme, count(*), sum(amount) FROM spend_statement WHERE place_id = $1 AND service = $2 AND theme <> $3 GROUP BY theme",
                            r => new ThemeMove("statements", r.GetString(0), now, Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture), r.GetDecimal(2)),
                            cancellationToken,
                            placeId,
                            service,
                            now));
                        changed += await ExecuteAsync(
                            connection,
                            "UPDATE spend_statement SET theme = $3 WHERE place_id = $1 AND service = $2 AND theme <> $3",
                            cancellationToken,
                            placeId,
                            service,
                            now);
                    }
                }

                var lines = await ScalarAsync<long>(
                    connection,
                    "SELECT (SELECT count(*) FROM spend_transaction WHERE place_id = $1) + (SELECT count(*) FROM spend_statement WHERE place_id = $1)",
                    cancellationToken,
                    placeId);
                var result = new ReclassifyResult(lines, changed, keys.Count + services.Count);
                await AuditAsync(connection, ReclassifiedRecord(code, result, classifier.Rules.Rules.Count, moves), cancellationToken);
                return result;
            },
            cancellationToken);
    }

    private static AuditRecord ReclassifiedRecord(string code, ReclassifyResult result, int rules, List<ThemeMove> moves)
    {
        var merged = moves
            .GroupBy(m => (m.Source, m.From, m.To))
            .Select(g => new ThemeMove(g.Key.Source, g.Key.From, g.Key.To, g.Sum(m => m.Lines), g.Sum(m => m.Amount)))
            .OrderByDescending(m => Math.Abs(m.Amount))
            .ThenBy(m => m.Source, StringComparer.Ordinal)
            .ThenBy(m => m.From, StringComparer.Ordinal)
            .ThenBy(m => m.To, StringComparer.Ordinal)
            .ToList();
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
