using TotalPlace.Core.Spending;

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
                return new ReclassifyResult(lines, changed, keys.Count + services.Count);
            },
            cancellationToken);
    }
}
