using System.Data.Common;
using System.Globalization;
using TotalPlace.Core;
using TotalPlace.Core.Counting;
using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;
using TotalPlace.Storage.Counting;

namespace TotalPlace.Storage;

/// <summary>The counting side of every SQL engine (migration 500), written once in portable SQL.</summary>
public abstract partial class SqlPlaceStore<TConnection> : ICountStore
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
        var files = await WriteAsync(
            async connection =>
            {
                var (place, placeId) = await EnsurePlaceAsync(connection, code, cancellationToken);
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
                    if (await FindBatchAsync(connection, placeId, file.Header.Sha256, cancellationToken) is { } existing)
                    {
                        already++;
                        records.Add(new PackageFileRecord(file.PartnerKey, file.Path, "transactions", file.Period, existing.Id, existing.Sha256, existing.RowsLoaded, existing.Total, file.Detail));
                        continue;
                    }

                    var (_, agencyId) = await EnsureAgencyAsync(connection, placeId, new Agency(partner.Name, partner.Kind, Agency.DefaultFundingSource(partner.Kind)), overwrite: true, cancellationToken);
                    var batchId = await ScalarAsync<long>(connection, "SELECT nextval('import_batch_id')", cancellationToken);
                    var (count, total) = await AppendTransactionsAsync(connection, file.Header.FileName, file.Lines, classifier, placeId, batchId, agencyId, cancellationToken);
                    var batch = await InsertBatchAsync(connection, placeId, batchId, BatchKinds.Transactions, file.Header with { Agency = partner.Name }, count, total, cancellationToken);
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
                        batch = await InsertBatchAsync(connection, placeId, batchId, OfficialBatchKind, file.Header, rows.Count, file.Statements.Sum(s => s.Amount), cancellationToken);
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
                await ReplacePackageRowsAsync(connection, placeId, year, commit, records, cancellationToken);
                return records;
            },
            cancellationToken);

        if (addedLineTables)
        {
            await AfterLinesLoadedAsync("spend_transaction", files.Sum(f => f.RowsLoaded), cancellationToken);
        }

        return new PackageCommitResult(files, added, already);
    }

    private static async Task UpsertPopulationAsync(TConnection connection, int placeId, int censusYear, long population, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "DELETE FROM place_population WHERE place_id = $1 AND census_year = $2", cancellationToken, placeId, censusYear);
        await ExecuteAsync(connection, "INSERT INTO place_population (place_id, census_year, population) VALUES ($1, $2, $3)", cancellationToken, placeId, censusYear, population);
    }

    private static async Task ReplacePackageRowsAsync(TConnection connection, int placeId, int year, PackageCommit commit, List<PackageFileRecord> records, CancellationToken cancellationToken)
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
        await using var connection = await OpenConnectionAsync(cancellationToken);
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
        await using var connection = await OpenConnectionAsync(cancellationToken);
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
        await using var connection = await OpenConnectionAsync(cancellationToken);
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
        await using var connection = await OpenConnectionAsync(cancellationToken);
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
        await using var connection = await OpenConnectionAsync(cancellationToken);
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
        await using var connection = await OpenConnectionAsync(cancellationToken);
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
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<DateOnly>>> ListMonthsLoadedAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
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
