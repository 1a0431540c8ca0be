using System.Data.Common;
using System.Globalization;
using TotalPlace.Core;
using TotalPlace.Core.Counting;
using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;
using TotalPlace.Storage.Audit;
using static TotalPlace.Storage.SqlBatchRows;
using static TotalPlace.Storage.SqlCommands;
using static TotalPlace.Storage.SqlPlaceRows;

namespace TotalPlace.Storage.Counting;

/// <summary>The counting side of every SQL engine (migration 500), written once in portable SQL over the one engine
/// object: place packages, partners and their shares, official returns and the top-down count.</summary>
/// <typeparam name="TConnection">The engine's ADO.NET connection.</typeparam>
internal sealed class SqlCountStore<TConnection>(ISqlEngine<TConnection> engine) : ICountStore
    where TConnection : DbConnection
{
    /// <summary>The batch kind of an official return's statements.</summary>
    private const string OfficialBatchKind = "official";

    /// <inheritdoc/>
    public async Task<PackageCommitResult> CommitPackageAsync(PackageCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var code = CheckCode(commit.PlaceCode);
        var year = commit.Year.StartYear;
        var added = 0;
        var already = 0;
        var addedLineTables = false;
        var files = await engine.WriteAsync(
            async connection =>
            {
                var (place, placeId) = await engine.EnsurePlaceAsync(connection, code, cancellationToken);
                if (commit.Population is { } population && place.Population.Count == 0)
                {
                    await UpsertPopulationAsync(connection, placeId, 2021, population, cancellationToken);
                }

                var records = new List<PackageFileRecord>();
                var classifier = await ClassifierAsync(connection, placeId, cancellationToken);
                var partners = commit.Partners.ToDictionary(p => p.Key, StringComparer.Ordinal);
                foreach (var file in commit.TransactionFiles)
                {
                    var partner = partners[file.PartnerKey];
                    // The same-file rule of a single import (SqlBatchRows.SameFileAsync): the partner's own batch first,
                    // and a nil return stored for each partner that publishes one, even byte-identically.
                    var nilReturn = file.Lines.Count == 0 && file.Header.Rejects.Count == 0;
                    if (await SameFileAsync(connection, placeId, file.Header.Sha256, partner.Name, nilReturn, withPublication: false, cancellationToken) is { } existing)
                    {
                        if (!string.Equals(existing.Agency.Trim(), partner.Name.Trim(), StringComparison.OrdinalIgnoreCase))
                        {
                            // As a single import refuses it: recording the other body's batch under this partner would
                            // count its lines as this partner's, and twice where both partners are in the package.
                            throw new PlaceStoreException(
                                $"{file.Path}: this file is byte-identical to {existing.FileName} (batch {existing.Id}), already imported for {existing.Agency}; " +
                                $"it cannot also be {partner.Name}'s. Nothing of the package was stored.");
                        }

                        already++;
                        records.Add(new PackageFileRecord(file.PartnerKey, file.Path, "transactions", file.Period, existing.Id, existing.Sha256, existing.RowsLoaded, existing.Total, file.Detail));
                        continue;
                    }

                    var (_, agencyId, _) = await EnsureAgencyAsync(connection, placeId, new Agency(partner.Name, partner.Kind, Agency.DefaultFundingSource(partner.Kind)), overwrite: true, cancellationToken);
                    var batchId = await ScalarAsync<long>(connection, "SELECT nextval('import_batch_id')", cancellationToken);
                    var (count, total) = await AppendTransactionsAsync(engine, connection, file.Header.FileName, file.Lines, classifier, placeId, batchId, agencyId, cancellationToken);
                    var batch = await InsertBatchAsync(engine, connection, placeId, batchId, BatchKinds.Transactions, file.Header with { Agency = partner.Name }, count, total, cancellationToken, nilReturn ? NilScope(partner.Name) : "");
                    added++;
                    addedLineTables = true;
                    records.Add(new PackageFileRecord(file.PartnerKey, file.Path, "transactions", file.Period, batch.Id, batch.Sha256, count, total, file.Detail));
                }

                foreach (var file in commit.StatementFiles)
                {
                    var batch = await FindBatchAsync(connection, placeId, file.Header.Sha256, cancellationToken);
                    if (batch is not null)
                    {
                        already++;
                    }
                    else
                    {
                        var batchId = await ScalarAsync<long>(connection, "SELECT nextval('import_batch_id')", cancellationToken);
                        var lineNo = 0;
                        var rows = file.Statements.Select(s => new object?[]
                        {
                            placeId, batchId, ++lineNo, s.BodyCode, s.BodyName, s.Return, s.LineCode, s.Service, s.Theme, s.Measure.ToString(),
                            s.Kind.ToString(), s.Year.StartYear, s.Amount, s.IsTotal, s.SourceRow, s.SourceColumn,
                        }).ToList();
                        foreach (var s in file.Statements)
                        {
                            if (StoreAmounts.Check(s.Amount) is { } problem)
                            {
                                throw new PlaceStoreException($"{file.Header.FileName}, row {s.SourceRow}, column {s.SourceColumn}: {problem}.", file.Header.FileName, s.SourceRow, s.SourceColumn);
                            }
                        }

                        await InsertRowsAsync(connection, "official_statement", 16, rows, cancellationToken);
                        batch = await InsertBatchAsync(engine, connection, placeId, batchId, OfficialBatchKind, file.Header, rows.Count, file.Statements.Sum(s => s.Amount), cancellationToken);
                        added++;
                    }

                    foreach (var (partnerKey, role, period, bodyCode) in file.Uses)
                    {
                        var mine = file.Statements.Where(s => string.Equals(s.BodyCode, bodyCode, StringComparison.OrdinalIgnoreCase)).ToList();
                        records.Add(new PackageFileRecord(partnerKey, file.Path, role, period, batch.Id, batch.Sha256, mine.Count, 0m,
                            [$"{mine.Count} figures for {bodyCode} from {file.Header.FileName}"]));
                    }
                }

                records.AddRange(commit.AllocationFiles);
                var countBatch = await WriteCountAsync(connection, placeId, commit, cancellationToken);
                await ReplacePackageRowsAsync(connection, placeId, year, commit, records, cancellationToken);
                if (countBatch is not null)
                {
                    // Reported with the files, but not a file of the package: it is made from them.
                    added++;
                    records.Add(new PackageFileRecord(string.Empty, countBatch.FileName, "top-down count", commit.Year.ToString(), countBatch.Id, countBatch.Sha256, countBatch.RowsLoaded, countBatch.Total,
                        [$"{countBatch.RowsLoaded} figures the map counts top-down: each partner's share of its outturn and budget by service line, and the flows between partners taken out"]));
                }

                if (added > 0)
                {
                    await SqlAuditTrail.AppendAsync(connection, PackageRecord(commit, added, already), cancellationToken);
                }

                return records;
            },
            cancellationToken);

        if (addedLineTables)
        {
            await engine.AfterLinesLoadedAsync("spend_transaction", files.Sum(f => f.RowsLoaded), cancellationToken);
        }

        return new PackageCommitResult(files, added, already);
    }

    /// <summary>The file name of the top-down count batch of a year, e.g. "top-down count 2023-24".</summary>
    private static string CountBatchName(FiscalYear year) => $"top-down count {year}";

    /// <summary>Writes the package's top-down figures as one statements batch, replacing the year's previous one; the
    /// same figures again add nothing (the batch's SHA-256 is of its content). Null when nothing was written.</summary>
    private async Task<ImportBatch?> WriteCountAsync(TConnection connection, int placeId, PackageCommit commit, CancellationToken cancellationToken)
    {
        if (commit.CountStatements.Count == 0)
        {
            return null;
        }

        var text = new System.Text.StringBuilder().Append(commit.PlaceCode).Append('|').Append(commit.Year).Append('\n');
        foreach (var c in commit.CountStatements)
        {
            text.Append(c.Agency).Append('|').Append(c.Service).Append('|').Append(c.Theme).Append('|').Append(c.Kind).Append('|')
                .Append(c.Amount.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
        if (await FindBatchAsync(connection, placeId, sha, cancellationToken) is not null)
        {
            return null;
        }

        var name = CountBatchName(commit.Year);
        var old = await QueryAsync(connection, "SELECT batch_id FROM import_batch WHERE place_id = $1 AND kind = $2 AND file_name = $3",
            r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), cancellationToken, placeId, BatchKinds.Count, name);
        foreach (var id in old)
        {
            foreach (var table in new[] { "spend_statement", "batch_publication", "import_batch" })
            {
                await ExecuteAsync(connection, $"DELETE FROM {table} WHERE place_id = $1 AND batch_id = $2", cancellationToken, placeId, id);
            }
        }

        if (commit.CountStatements.Any(c => c.Theme == TopDownCount.FlowsTheme)
            && await ScalarAsync<long>(connection, "SELECT count(*) FROM theme WHERE code = $1", cancellationToken, TopDownCount.FlowsTheme) == 0)
        {
            await ExecuteAsync(connection, "INSERT INTO theme SELECT $1, $2, FALSE, coalesce(max(sort_order), 0) + 1 FROM theme", cancellationToken,
                TopDownCount.FlowsTheme, TopDownCount.FlowsThemeName);
        }

        var partners = commit.Partners.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var agencies = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var agency in commit.CountStatements.Select(c => c.Agency).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var kind = partners.TryGetValue(agency, out var partner) ? partner.Kind : AgencyKind.Other;
            (_, agencies[agency], _) = await EnsureAgencyAsync(connection, placeId, new Agency(agency, kind, Agency.DefaultFundingSource(kind)), overwrite: false, cancellationToken);
        }

        var batchId = await ScalarAsync<long>(connection, "SELECT nextval('import_batch_id')", cancellationToken);
        var lineNo = 0;
        var rows = commit.CountStatements.Select(c => new object?[]
        {
            placeId, batchId, ++lineNo, agencies[c.Agency], c.Service, c.Theme, string.Empty, commit.Year.StartYear, c.Kind.ToString(), c.Amount, c.SourceRow,
        }).ToList();
        await InsertRowsAsync(connection, "spend_statement", 11, rows, cancellationToken);
        var header = new BatchHeader(commit.PlaceCode, string.Empty, name, sha, rows.Count, [], commit.ImportedBy, commit.ImportedAt);
        return await InsertBatchAsync(engine, connection, placeId, batchId, BatchKinds.Count, header, rows.Count,
            commit.CountStatements.Where(c => c.Kind != StatementKind.Budget).Sum(c => c.Amount), cancellationToken);
    }

    private static AuditRecord PackageRecord(PackageCommit commit, int added, int already) => new(
        "package.imported",
        AuditSubjects.Place,
        $"{commit.PlaceCode} {commit.Year}",
        commit.PlaceCode,
        string.Empty,
        $"Imported place package {commit.Package} ({commit.Year}): {added} batch(es) added, {already} already loaded; top-down count " +
            AuditRecords.Pounds(commit.CountStatements.Where(c => c.Kind != StatementKind.Budget).Sum(c => c.Amount)) + ".",
        new System.Text.Json.Nodes.JsonObject
        {
            ["package"] = commit.Package,
            ["year"] = commit.Year.ToString(),
            ["sha256"] = commit.PackageSha256,
            ["batchesAdded"] = added,
            ["batchesAlreadyLoaded"] = already,
            ["partners"] = commit.Partners.Count,
        },
        commit.ImportedBy);

    private static async Task UpsertPopulationAsync(DbConnection connection, int placeId, int censusYear, long population, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "DELETE FROM place_population WHERE place_id = $1 AND census_year = $2", cancellationToken, placeId, censusYear);
        await ExecuteAsync(connection, "INSERT INTO place_population (place_id, census_year, population) VALUES ($1, $2, $3)", cancellationToken, placeId, censusYear, population);
    }

    private static async Task ReplacePackageRowsAsync(DbConnection connection, int placeId, int year, PackageCommit commit, List<PackageFileRecord> records, CancellationToken cancellationToken)
    {
        var existingSha = await ScalarAsync<string>(connection, "SELECT sha256 FROM place_package WHERE place_id = $1 AND fiscal_year = $2", cancellationToken, placeId, year);
        if (string.Equals(existingSha, commit.PackageSha256, StringComparison.OrdinalIgnoreCase))
        {
            return; // the same place.json: its partners and file list are already what it says
        }

        foreach (var table in new[] { "place_package", "place_partner", "package_file" })
        {
            await ExecuteAsync(connection, $"DELETE FROM {table} WHERE place_id = $1 AND fiscal_year = $2", cancellationToken, placeId, year);
        }

        await InsertRowsAsync(connection, "place_package", 10,
        [
            [placeId, year, commit.Package, commit.Format, commit.Population, commit.PopulationSource, string.Join('\n', commit.Gaps), commit.PackageSha256.ToLowerInvariant(), commit.ImportedBy, commit.ImportedAt.UtcDateTime],
        ], cancellationToken);
        var position = 0;
        await InsertRowsAsync(connection, "place_partner", 15, commit.Partners.Select(p => new object?[]
        {
            placeId, year, p.Key, ++position, p.Name, p.Kind.ToString(), p.Code, p.CodeScheme, Math.Round(p.Share.Value, 18), p.Share.Numerator, p.Share.Denominator,
            p.Share.Basis, string.Join('\n', p.Aliases), p.Threshold, string.Join('\n', p.Missing),
        }), cancellationToken);
        await InsertRowsAsync(connection, "package_file", 11, records
            .DistinctBy(r => (r.PartnerKey, r.Path))
            .Select(r => new object?[] { placeId, year, r.PartnerKey, r.Path, r.Role, r.Period, r.BatchId, r.Sha256, r.RowsLoaded, r.Total, string.Join('\n', r.Detail) }), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<StoredPackage?> FindPackageAsync(string placeCode, FiscalYear year, CancellationToken cancellationToken = default)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        var rows = await QueryAsync(
            connection,
            "SELECT k.package, k.format, k.population, k.population_source, k.gaps, k.imported_by, k.imported_at FROM place_package k " +
            "JOIN place p ON p.place_id = k.place_id WHERE p.code = $1 AND k.fiscal_year = $2",
            r => new StoredPackage(placeCode, year, r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture),
                NullableString(r, 3), Lines(r.GetString(4)), r.GetString(5), new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(6), DateTimeKind.Utc))),
            cancellationToken,
            CheckCode(placeCode),
            year.StartYear);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoredPartner>> ListPartnersAsync(string placeCode, FiscalYear year, CancellationToken cancellationToken = default)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await QueryAsync(
            connection,
            "SELECT pp.partner_key, pp.name, pp.kind, pp.code, pp.code_scheme, pp.share_value, pp.share_numerator, pp.share_denominator, pp.share_basis, " +
            "pp.aliases, pp.threshold, pp.missing FROM place_partner pp JOIN place p ON p.place_id = pp.place_id " +
            "WHERE p.code = $1 AND pp.fiscal_year = $2 ORDER BY pp.position",
            ReadPartner,
            cancellationToken,
            CheckCode(placeCode),
            year.StartYear);
    }

    private static StoredPartner ReadPartner(DbDataReader r)
    {
        var basis = r.GetString(8);
        var share = !r.IsDBNull(6) && !r.IsDBNull(7)
            ? PartnerShare.FromFraction(r.GetDecimal(6), r.GetDecimal(7), basis)
            : r.GetDecimal(5) == 1m && basis == PartnerShare.Whole.Basis ? PartnerShare.Whole : PartnerShare.Stated(r.GetDecimal(5), basis);
        return new StoredPartner(r.GetString(0), r.GetString(1), Enum.Parse<AgencyKind>(r.GetString(2)), NullableString(r, 3), r.GetString(4), share,
            Lines(r.GetString(9)), NullableString(r, 10), Lines(r.GetString(11)));
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<PackageFileRecord>> ListPackageFilesAsync(string placeCode, FiscalYear year, CancellationToken cancellationToken = default)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await QueryAsync(
            connection,
            "SELECT f.partner_key, f.path, f.role, f.period, f.batch_id, f.sha256, f.rows_loaded, f.total, f.detail FROM package_file f " +
            "JOIN place p ON p.place_id = f.place_id JOIN place_partner pp ON pp.place_id = f.place_id AND pp.fiscal_year = f.fiscal_year AND pp.partner_key = f.partner_key " +
            "WHERE p.code = $1 AND f.fiscal_year = $2 ORDER BY pp.position, f.role, f.path",
            r => new PackageFileRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : Convert.ToInt64(r.GetValue(4), CultureInfo.InvariantCulture),
                r.GetString(5), r.GetInt32(6), r.GetDecimal(7), Lines(r.GetString(8))),
            cancellationToken,
            CheckCode(placeCode),
            year.StartYear);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<OfficialStatement>> ListOfficialStatementsAsync(string placeCode, FiscalYear year, CancellationToken cancellationToken = default)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await QueryAsync(
            connection,
            "SELECT s.body_code, s.body_name, s.return_code, s.line_code, s.service, s.theme, s.measure, s.kind, s.fiscal_year, s.amount, s.is_total, s.source_row, s.source_column " +
            "FROM official_statement s JOIN place p ON p.place_id = s.place_id WHERE p.code = $1 AND s.fiscal_year = $2 ORDER BY s.batch_id, s.line_no",
            r => new OfficialStatement(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                Enum.Parse<StatementMeasure>(r.GetString(6)), Enum.Parse<StatementKind>(r.GetString(7)), FiscalYear.StartingIn(r.GetInt32(8)),
                r.GetDecimal(9), r.GetBoolean(10), r.GetInt32(11), r.GetString(12)),
            cancellationToken,
            CheckCode(placeCode),
            year.StartYear);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<PartnerLines>> SummariseLinesAsync(string placeCode, FiscalYear year, CancellationToken cancellationToken = default)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        const string Sql = """
            SELECT f.partner_key, CAST(EXTRACT(YEAR FROM t.payment_date) AS INTEGER) AS y, CAST(EXTRACT(MONTH FROM t.payment_date) AS INTEGER) AS m,
                   CAST(sum(t.amount) AS DECIMAL(38,4)), count(*)
            FROM package_file f
            JOIN place p ON p.place_id = f.place_id
            JOIN spend_transaction t ON t.place_id = f.place_id AND t.batch_id = f.batch_id
            WHERE p.code = $1 AND f.fiscal_year = $2 AND f.role = 'transactions'
            GROUP BY f.partner_key, y, m
            """;
        var cells = await QueryAsync(
            connection,
            Sql,
            r => (Key: r.GetString(0), Month: new DateOnly(r.GetInt32(1), r.GetInt32(2), 1), Total: r.GetDecimal(3), Lines: Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture)),
            cancellationToken,
            CheckCode(placeCode),
            year.StartYear);
        return
        [
            .. cells.GroupBy(c => c.Key, StringComparer.Ordinal).Select(g => new PartnerLines(
                g.Key,
                g.Sum(c => c.Total),
                g.Sum(c => c.Lines),
                [.. g.Where(c => year.Contains(c.Month)).Select(c => c.Month).Order()],
                g.Where(c => !year.Contains(c.Month)).Sum(c => c.Lines),
                g.Where(c => !year.Contains(c.Month)).Sum(c => c.Total))),
        ];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<SupplierPayments>> ListSupplierPaymentsAsync(string placeCode, FiscalYear year, CancellationToken cancellationToken = default)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        const string Sql = """
            SELECT f.partner_key, t.supplier, CAST(sum(t.amount) AS DECIMAL(38,4)), count(*)
            FROM package_file f
            JOIN place p ON p.place_id = f.place_id
            JOIN spend_transaction t ON t.place_id = f.place_id AND t.batch_id = f.batch_id
            WHERE p.code = $1 AND f.fiscal_year = $2 AND f.role = 'transactions' AND t.supplier IS NOT NULL
            GROUP BY f.partner_key, t.supplier
            ORDER BY f.partner_key, t.supplier
            """;
        return await QueryAsync(
            connection,
            Sql,
            r => new SupplierPayments(r.GetString(0), r.GetString(1), r.GetDecimal(2), Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture)),
            cancellationToken,
            CheckCode(placeCode),
            year.StartYear);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CountedStatement>> ListCountedStatementsAsync(string placeCode, FiscalYear? year, string? agency, string? theme, Identity.Visibility? visibility = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        var code = CheckCode(placeCode);
        var parameters = new List<object?> { code };
        var visible = Identity.VisibleSql.Define(visibility, code, "(SELECT place_id FROM place WHERE code = $1)", parameters);
        var filters = new System.Text.StringBuilder();
        if (year is { } y)
        {
            parameters.Add(y.StartYear);
            filters.Append(" AND x.fiscal_year = $").Append(parameters.Count);
        }

        if (!string.IsNullOrWhiteSpace(agency))
        {
            parameters.Add(agency.Trim().ToLowerInvariant());
            filters.Append(" AND lower(a.name) = $").Append(parameters.Count);
        }

        if (!string.IsNullOrWhiteSpace(theme))
        {
            parameters.Add(theme.Trim());
            filters.Append(" AND x.theme = $").Append(parameters.Count);
        }

        var sql =
            "WITH " + visible + ", statement_years AS (SELECT s.place_id, s.agency_id, s.fiscal_year, max(CASE WHEN s.kind <> 'Budget' THEN 1 ELSE 0 END) AS has_actual " +
            "FROM " + Identity.VisibleSql.Statements + " s GROUP BY s.place_id, s.agency_id, s.fiscal_year) " +
            "SELECT x.batch_id, b.file_name, a.name, x.service, x.theme, x.kind, x.fiscal_year, x.amount, x.source_row " +
            "FROM " + Identity.VisibleSql.Statements + " x " +
            "JOIN statement_years y ON y.place_id = x.place_id AND y.agency_id = x.agency_id AND y.fiscal_year = x.fiscal_year " +
            "JOIN agency a ON a.place_id = x.place_id AND a.agency_id = x.agency_id " +
            "JOIN import_batch b ON b.place_id = x.place_id AND b.batch_id = x.batch_id " +
            "WHERE (y.has_actual = 0 OR x.kind <> 'Budget')" + filters +
            " ORDER BY x.amount DESC, x.batch_id, x.line_no";
        return await QueryAsync(
            connection,
            sql,
            r => new CountedStatement(Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.GetInt32(6), r.GetDecimal(7), r.GetInt32(8)),
            cancellationToken,
            [.. parameters]);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<DateOnly>>> ListMonthsLoadedAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        const string Sql = """
            SELECT DISTINCT a.name, CAST(EXTRACT(YEAR FROM t.payment_date) AS INTEGER), CAST(EXTRACT(MONTH FROM t.payment_date) AS INTEGER)
            FROM spend_transaction t
            JOIN place p ON p.place_id = t.place_id
            JOIN agency a ON a.place_id = t.place_id AND a.agency_id = t.agency_id
            WHERE p.code = $1
            """;
        var rows = await QueryAsync(connection, Sql, r => (Agency: r.GetString(0), Month: new DateOnly(r.GetInt32(1), r.GetInt32(2), 1)), cancellationToken, CheckCode(placeCode));
        return rows.GroupBy(r => r.Agency, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<DateOnly>)[.. g.Select(r => r.Month).Order()], StringComparer.OrdinalIgnoreCase);
    }

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
}
