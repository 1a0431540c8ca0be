using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using TotalPlace.Core.Assets;
using TotalPlace.Core.Spending;
using TotalPlace.Core.Waste;
using TotalPlace.Storage.Audit;
using static TotalPlace.Storage.SqlCommands;

namespace TotalPlace.Storage.Waste;

/// <summary>The waste side of every SQL engine (migration 100): findings, decisions, supplier decisions, assets.
/// Written once over ADO.NET in portable SQL, so DuckDB and PostgreSQL keep the same rows.</summary>
internal sealed class SqlWasteStore<TConnection>(ISqlEngine<TConnection> engine) : IWasteStore
    where TConnection : DbConnection
{
    private static readonly JsonSerializerOptions s_findingLinesJson = new(JsonSerializerDefaults.Web);

    /// <inheritdoc/>
    public async IAsyncEnumerable<PartnerTransaction> ReadTransactionsAsync(string placeCode, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        const string Sql = """
            SELECT a.name, t.payment_date, t.amount, t.supplier, t.supplier_id, t.body, t.reference, t.expense_type,
                   t.expense_area, t.service_code, t.description, t.source_row, t.theme, t.batch_id, t.line_no, t.contract_ref,
                   t.invoice_number, b.file_name
            FROM spend_transaction t
            JOIN place p ON p.place_id = t.place_id
            JOIN agency a ON a.place_id = t.place_id AND a.agency_id = t.agency_id
            LEFT JOIN import_batch b ON b.place_id = t.place_id AND b.batch_id = t.batch_id
            WHERE p.code = $1
            ORDER BY t.batch_id, t.line_no
            """;
        await using var command = Command(connection, Sql, placeCode);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var line = new Transaction
            {
                Date = DateOnly.FromDateTime(reader.GetDateTime(1)),
                Amount = reader.GetDecimal(2),
                Supplier = NullableString(reader, 3),
                SupplierId = NullableString(reader, 4),
                Body = NullableString(reader, 5),
                Reference = NullableString(reader, 6),
                ExpenseType = NullableString(reader, 7),
                ExpenseArea = NullableString(reader, 8),
                ServiceCode = NullableString(reader, 9),
                Description = NullableString(reader, 10),
                ContractReference = NullableString(reader, 15),
                InvoiceNumber = NullableString(reader, 16),
                SourceRow = reader.GetInt32(11),
            };
            var id = (Convert.ToInt64(reader.GetValue(13), CultureInfo.InvariantCulture) << 32) | (uint)reader.GetInt32(14);
            yield return new PartnerTransaction(reader.GetString(0), line, reader.GetString(12), id, NullableString(reader, 17));
        }
    }

    /// <inheritdoc/>
    public async Task<long> CountTransactionsAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await ScalarAsync<long>(connection, "SELECT count(*) FROM spend_transaction WHERE place_id = (SELECT place_id FROM place WHERE code = $1)", cancellationToken, placeCode);
    }

    /// <inheritdoc/>
    public Task SaveFindingsAsync(string placeCode, IReadOnlyList<WasteFinding> findings, DateTimeOffset foundAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        ArgumentNullException.ThrowIfNull(findings);
        return engine.WriteAsync(
            async connection =>
            {
                var (_, placeId) = await engine.EnsurePlaceAsync(connection, placeCode, cancellationToken);
                var previous = await ScalarAsync<int>(connection, "SELECT count(*) FROM waste_finding WHERE place_id = $1", cancellationToken, placeId);
                await ExecuteAsync(connection, "DELETE FROM waste_finding WHERE place_id = $1", cancellationToken, placeId);
                var rows = findings
                    .DistinctBy(f => f.Key, StringComparer.Ordinal)
                    .Select(f => new object?[]
                    {
                        placeId, f.Key, f.Kind.ToString(), f.Title, f.MoneyAtStake, string.Join('\n', f.Explanation), foundAt.UtcDateTime,
                        f.Score is { } score ? (decimal?)Math.Round((decimal)score, 2) : null, f.SpendConcerned, f.Assumption,
                        f.Partners.Count == 0 ? null : "|" + string.Join('|', f.Partners) + "|",
                        f.Lines.Count == 0 ? null : JsonSerializer.Serialize(f.Lines, s_findingLinesJson),
                    });
                await InsertRowsAsync(connection, "waste_finding", 12, rows, cancellationToken);
                await SqlAuditTrail.AppendAsync(connection, AuditRecords.FindingsSaved(placeCode, findings, previous), cancellationToken);
                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<WasteFinding>> ListFindingsAsync(string placeCode, CancellationToken cancellationToken = default) =>
        (await ListFindingsAsync(placeCode, new WasteFindingQuery { IncludeRejected = true, PageSize = 0 }, cancellationToken)).Items;

    /// <inheritdoc/>
    public async Task<WasteFinding?> FindFindingAsync(string placeCode, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var page = await ListFindingsAsync(placeCode, new WasteFindingQuery { Key = key, IncludeRejected = true, PageSize = 1 }, cancellationToken);
        return page.Items.Count == 0 ? null : page.Items[0];
    }

    /// <inheritdoc/>
    public async Task<Page<WasteFinding>> ListFindingsAsync(string placeCode, WasteFindingQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageNumber, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(query.PageSize);
        var parameters = new List<object?> { placeCode };
        string Parameter(object? value)
        {
            parameters.Add(value);
            return "$" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        }

        // The latest decision per finding is the one with the highest number; the state filter and the "false
        // positives last" order both read it, so it is joined in the query rather than applied after loading.
        var where = new StringBuilder("f.place_id = (SELECT place_id FROM place WHERE code = $1)");
        if (query.Key is { Length: > 0 } key)
        {
            where.Append(" AND f.finding_key = ").Append(Parameter(key));
        }

        if (query.Kind is { } kind)
        {
            where.Append(" AND f.kind = ").Append(Parameter(kind.ToString()));
        }

        if (query.Partner is { Length: > 0 } partner)
        {
            where.Append(" AND f.partners LIKE ").Append(Parameter("%|" + partner.Replace("%", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal) + "|%"));
        }

        if (query.MinScore is { } minScore)
        {
            where.Append(" AND (f.score IS NULL OR f.score >= ").Append(Parameter(Math.Round((decimal)minScore, 2))).Append(')');
        }

        if (query.MinMoney is { } minMoney)
        {
            where.Append(" AND f.money_at_stake >= ").Append(Parameter(minMoney));
        }

        if (query.State is { } state)
        {
            where.Append(" AND coalesce(l.state, 'Open') = ").Append(Parameter(state.ToString()));
        }
        else if (!query.IncludeRejected)
        {
            where.Append(" AND coalesce(l.state, 'Open') <> 'FalsePositive'");
        }

        var order = query.Sort switch
        {
            WasteFindingSort.Score => "rejected, CASE WHEN f.score IS NULL THEN 1 ELSE 0 END, f.score DESC, f.money_at_stake DESC, f.finding_key",
            WasteFindingSort.Kind => "rejected, f.kind, f.money_at_stake DESC, f.finding_key",
            _ => "rejected, f.money_at_stake DESC, f.finding_key",
        };
        var page = query.PageSize == 0 ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $" LIMIT {query.PageSize} OFFSET {(long)(query.PageNumber - 1) * query.PageSize}");
        var sql = $"""
            WITH latest AS (
                SELECT d.place_id, d.finding_key, d.state, d.note
                FROM waste_decision d
                JOIN (SELECT place_id, finding_key, max(decision_no) AS decision_no FROM waste_decision
                      WHERE place_id = (SELECT place_id FROM place WHERE code = $1) GROUP BY place_id, finding_key) m
                  ON m.place_id = d.place_id AND m.finding_key = d.finding_key AND m.decision_no = d.decision_no),
            -- The page's keys first, from the narrow columns the filters and the order read; the wide ones (the
            -- explanation, the lines' JSON) are then read for the page's rows only, not for every matching finding.
            shown AS (
                SELECT f.place_id, f.finding_key, coalesce(l.state, 'Open') AS state, l.note,
                       CASE WHEN coalesce(l.state, 'Open') = 'FalsePositive' THEN 1 ELSE 0 END AS rejected,
                       count(*) OVER () AS total
                FROM waste_finding f
                LEFT JOIN latest l ON l.place_id = f.place_id AND l.finding_key = f.finding_key
                WHERE {where}
                ORDER BY {order}{page})
            SELECT f.finding_key, f.kind, f.title, f.money_at_stake, f.explanation, s.state, s.note,
                   f.score, f.spend_concerned, f.assumption, f.partners, f.lines, s.rejected, s.total
            FROM shown s
            JOIN waste_finding f ON f.place_id = s.place_id AND f.finding_key = s.finding_key
            ORDER BY {order.Replace("rejected", "s.rejected", StringComparison.Ordinal)}
            """;
        long total = 0;
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        var findings = await QueryAsync(
            connection,
            sql,
            r =>
            {
                total = Convert.ToInt64(r.GetValue(13), CultureInfo.InvariantCulture);
                return new WasteFinding(r.GetString(0), Enum.Parse<FindingKind>(r.GetString(1)), r.GetString(2), r.GetDecimal(3), r.GetString(4).Split('\n'),
                    Enum.Parse<ReviewState>(r.GetString(5)), NullableString(r, 6))
                {
                    Score = r.IsDBNull(7) ? null : (double)r.GetDecimal(7),
                    SpendConcerned = r.IsDBNull(8) ? null : r.GetDecimal(8),
                    Assumption = NullableString(r, 9),
                    Partners = NullableString(r, 10)?.Split('|', StringSplitOptions.RemoveEmptyEntries) ?? [],
                    Lines = NullableString(r, 11) is { } json ? JsonSerializer.Deserialize<List<FindingLine>>(json, s_findingLinesJson) ?? [] : [],
                };
            },
            cancellationToken,
            [.. parameters]);
        if (findings.Count == 0 && query.PageNumber > 1)
        {
            total = await ScalarAsync<long>(connection, $"""
                WITH latest AS (
                    SELECT d.place_id, d.finding_key, d.state
                    FROM waste_decision d
                    JOIN (SELECT place_id, finding_key, max(decision_no) AS decision_no FROM waste_decision
                          WHERE place_id = (SELECT place_id FROM place WHERE code = $1) GROUP BY place_id, finding_key) m
                      ON m.place_id = d.place_id AND m.finding_key = d.finding_key AND m.decision_no = d.decision_no)
                SELECT count(*) FROM waste_finding f
                LEFT JOIN latest l ON l.place_id = f.place_id AND l.finding_key = f.finding_key
                WHERE {where}
                """, cancellationToken, [.. parameters]);
        }

        return new Page<WasteFinding>(findings, query.PageNumber, query.PageSize == 0 ? findings.Count : query.PageSize, total);
    }

    /// <inheritdoc/>
    public Task RecordDecisionAsync(string placeCode, FindingDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        ArgumentNullException.ThrowIfNull(decision);
        return engine.WriteAsync(
            async connection =>
            {
                var (_, placeId) = await engine.EnsurePlaceAsync(connection, placeCode, cancellationToken);
                var next = await ScalarAsync<int>(connection, "SELECT coalesce(max(decision_no), 0) + 1 FROM waste_decision WHERE place_id = $1", cancellationToken, placeId);
                var before = await ScalarAsync<string>(connection, "SELECT state FROM waste_decision WHERE place_id = $1 AND finding_key = $2 ORDER BY decision_no DESC LIMIT 1", cancellationToken, placeId, decision.FindingKey);
                await ExecuteAsync(
                    connection,
                    "INSERT INTO waste_decision VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    cancellationToken,
                    placeId,
                    next,
                    decision.FindingKey,
                    decision.State.ToString(),
                    decision.DecidedBy,
                    decision.DecidedAt.UtcDateTime,
                    decision.Note);
                await SqlAuditTrail.AppendAsync(connection, AuditRecords.DecisionRecorded(placeCode, decision, before is null ? ReviewState.Open : Enum.Parse<ReviewState>(before)), cancellationToken);
                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<FindingDecision>> ListDecisionsAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await ListDecisionsAsync(connection, placeCode, cancellationToken);
    }

    /// <inheritdoc/>
    public Task AddSupplierDecisionAsync(string placeCode, SupplierDecision decision, string decidedBy, DateTimeOffset decidedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        return engine.WriteAsync(
            async connection =>
            {
                var (_, placeId) = await engine.EnsurePlaceAsync(connection, placeCode, cancellationToken);
                var next = await ScalarAsync<int>(connection, "SELECT coalesce(max(decision_no), 0) + 1 FROM supplier_decision WHERE place_id = $1", cancellationToken, placeId);
                await ExecuteAsync(
                    connection,
                    "INSERT INTO supplier_decision VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    cancellationToken,
                    placeId,
                    next,
                    decision.Kind.ToString(),
                    decision.NameA,
                    decision.NameB,
                    decision.Note,
                    decidedBy,
                    decidedAt.UtcDateTime);
                await SqlAuditTrail.AppendAsync(connection, AuditRecords.SupplierDecided(placeCode, decision, decidedBy), cancellationToken);
                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<SupplierDecision>> ListSupplierDecisionsAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await QueryAsync(
            connection,
            "SELECT d.kind, d.name_a, d.name_b, d.note FROM supplier_decision d JOIN place p ON p.place_id = d.place_id WHERE p.code = $1 ORDER BY d.decision_no",
            r => new SupplierDecision(Enum.Parse<SupplierDecisionKind>(r.GetString(0)), r.GetString(1), r.GetString(2), NullableString(r, 3)),
            cancellationToken,
            placeCode);
    }

    /// <inheritdoc/>
    public Task<int> ReplaceAssetsAsync(string placeCode, string agency, IReadOnlyList<Asset> assets, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(agency);
        ArgumentNullException.ThrowIfNull(assets);
        return engine.WriteAsync(
            async connection =>
            {
                var (_, placeId) = await engine.EnsurePlaceAsync(connection, placeCode, cancellationToken);
                var before = await ScalarAsync<int>(connection, "SELECT count(*) FROM asset WHERE place_id = $1 AND agency = $2", cancellationToken, placeId, agency);
                await ExecuteAsync(connection, "DELETE FROM asset WHERE place_id = $1 AND agency = $2", cancellationToken, placeId, agency);
                var next = await ScalarAsync<int>(connection, "SELECT coalesce(max(asset_no), 0) + 1 FROM asset WHERE place_id = $1", cancellationToken, placeId);
                var rows = assets.Select((a, i) => new object?[]
                {
                    placeId, next + i, agency, a.Name, a.Uprn, a.Address, a.Postcode, a.Easting, a.Northing, a.Latitude, a.Longitude,
                    a.Tenure, a.TenureCategory, a.FloorArea, a.RunningCost, a.Utilisation, a.Condition, a.SourceRow,
                });
                await InsertRowsAsync(connection, "asset", 18, rows, cancellationToken);
                await SqlAuditTrail.AppendAsync(connection, AuditRecords.AssetsReplaced(placeCode, agency, before, assets), cancellationToken);
                return assets.Count;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Asset>> ListAssetsAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        const string Sql = """
            SELECT a.agency, a.name, a.uprn, a.address, a.postcode, a.easting, a.northing, a.latitude, a.longitude, a.tenure,
                   a.tenure_category, a.floor_area, a.running_cost, a.utilisation, a.condition, a.source_row
            FROM asset a JOIN place p ON p.place_id = a.place_id
            WHERE p.code = $1
            ORDER BY a.asset_no
            """;
        return await QueryAsync(
            connection,
            Sql,
            r => new Asset
            {
                Agency = r.GetString(0),
                Name = r.GetString(1),
                Uprn = NullableString(r, 2),
                Address = NullableString(r, 3),
                Postcode = NullableString(r, 4),
                Easting = r.IsDBNull(5) ? null : r.GetDouble(5),
                Northing = r.IsDBNull(6) ? null : r.GetDouble(6),
                Latitude = r.IsDBNull(7) ? null : r.GetDouble(7),
                Longitude = r.IsDBNull(8) ? null : r.GetDouble(8),
                Tenure = NullableString(r, 9),
                TenureCategory = NullableString(r, 10),
                FloorArea = r.IsDBNull(11) ? null : r.GetDecimal(11),
                RunningCost = r.IsDBNull(12) ? null : r.GetDecimal(12),
                Utilisation = r.IsDBNull(13) ? null : r.GetDecimal(13),
                Condition = NullableString(r, 14),
                SourceRow = r.GetInt32(15),
            },
            cancellationToken,
            placeCode);
    }

    private static Task<List<FindingDecision>> ListDecisionsAsync(TConnection connection, string placeCode, CancellationToken cancellationToken) =>
        QueryAsync(
            connection,
            "SELECT d.finding_key, d.state, d.decided_by, d.decided_at, d.note FROM waste_decision d JOIN place p ON p.place_id = d.place_id WHERE p.code = $1 ORDER BY d.decision_no",
            r => new FindingDecision(r.GetString(0), Enum.Parse<ReviewState>(r.GetString(1)), r.GetString(2), new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(3), DateTimeKind.Utc)), NullableString(r, 4)),
            cancellationToken,
            placeCode);
}
