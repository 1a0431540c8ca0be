using System.Text;
using TotalPlace.Storage.Identity;

namespace TotalPlace.Storage;

/// <summary>The read queries both engines run, in SQL that DuckDB and PostgreSQL both accept, with positional
/// parameters ($1, $2…) bound in order.</summary>
/// <remarks>Every query that takes a reader's visibility reads the line tables through <see cref="VisibleSql"/>'s
/// common table expressions, never the tables themselves.</remarks>
internal static class StoreSql
{
    public const string TransactionFrom =
        "FROM " + VisibleSql.Transactions + " t " +
        "JOIN place p ON p.place_id = t.place_id " +
        "JOIN agency a ON a.place_id = t.place_id AND a.agency_id = t.agency_id " +
        "JOIN import_batch b ON b.place_id = t.place_id AND b.batch_id = t.batch_id ";

    private static readonly Dictionary<string, string> s_sortColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["date"] = "t.payment_date",
        ["amount"] = "t.amount",
        ["supplier"] = "t.supplier",
        ["agency"] = "a.name",
        ["theme"] = "t.theme",
        ["expense_type"] = "t.expense_type",
        ["expense_area"] = "t.expense_area",
        ["service_code"] = "t.service_code",
        ["reference"] = "t.reference",
        ["source_row"] = "t.source_row",
        ["batch"] = "t.batch_id",
    };

    /// <summary>The finest-grain cells of the map: agency name, funding source, theme, fiscal year start, source,
    /// amount, lines. See <see cref="MapSource"/> for how statements and transactions combine.</summary>
    public static (string Sql, List<object?> Parameters) MapCells(int placeId, string placeCode, MapQuery query)
    {
        var parameters = new List<object?> { placeId };
        var visible = VisibleSql.Define(query.Visibility, placeCode, "$1", parameters);
        var filters = new StringBuilder();
        if (query.Year is { } year)
        {
            parameters.Add(year.StartYear);
            filters.Append(" AND x.fiscal_year = $").Append(parameters.Count);
        }

        if (!string.IsNullOrWhiteSpace(query.Theme))
        {
            parameters.Add(query.Theme.Trim());
            filters.Append(" AND x.theme = $").Append(parameters.Count);
        }

        var statements =
            "SELECT x.agency_id, x.theme, x.fiscal_year, CAST('statements' AS TEXT) AS source, sum(x.amount) AS amount, count(*) AS lines " +
            "FROM " + VisibleSql.Statements + " x JOIN statement_years y ON y.place_id = x.place_id AND y.agency_id = x.agency_id AND y.fiscal_year = x.fiscal_year " +
            "WHERE x.place_id = $1 AND (y.has_actual = 0 OR x.kind <> 'Budget')" + filters +
            " GROUP BY x.agency_id, x.theme, x.fiscal_year";
        var transactions =
            "SELECT x.agency_id, x.theme, x.fiscal_year, CAST('transactions' AS TEXT) AS source, sum(x.amount) AS amount, count(*) AS lines " +
            "FROM " + VisibleSql.Transactions + " x " +
            (query.Source == MapSource.Combined ? "LEFT JOIN statement_years y ON y.place_id = x.place_id AND y.agency_id = x.agency_id AND y.fiscal_year = x.fiscal_year " : "") +
            "WHERE x.place_id = $1" + (query.Source == MapSource.Combined ? " AND y.agency_id IS NULL" : "") + filters +
            " GROUP BY x.agency_id, x.theme, x.fiscal_year";
        var cells = query.Source switch
        {
            MapSource.Statements => statements,
            MapSource.Transactions => transactions,
            _ => statements + " UNION ALL " + transactions,
        };

        var outer = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(query.Agency))
        {
            parameters.Add(query.Agency.Trim().ToLowerInvariant());
            outer.Append(" AND lower(a.name) = $").Append(parameters.Count);
        }

        if (!string.IsNullOrWhiteSpace(query.Funding))
        {
            parameters.Add(query.Funding.Trim().ToLowerInvariant());
            outer.Append(" AND lower(a.funding_source) = $").Append(parameters.Count);
        }

        // Every join between place-scoped tables includes place_id (the Citus distribution key), so on a Citus
        // cluster the whole query stays on the one shard group that holds the place.
        var sql =
            "WITH " + visible + ", statement_years AS (" +
            "SELECT place_id, agency_id, fiscal_year, max(CASE WHEN kind <> 'Budget' THEN 1 ELSE 0 END) AS has_actual " +
            "FROM " + VisibleSql.Statements + " WHERE place_id = $1 GROUP BY place_id, agency_id, fiscal_year), " +
            "cells AS (" + cells + ") " +
            "SELECT a.name, a.funding_source, c.theme, c.fiscal_year, c.source, c.amount, c.lines " +
            "FROM cells c JOIN agency a ON a.place_id = $1 AND a.agency_id = c.agency_id WHERE 1 = 1" + outer;
        return (sql, parameters);
    }

    /// <summary>Suppliers by total paid: name, amount, lines, agencies.</summary>
    public static (string Sql, List<object?> Parameters) TopSuppliers(int placeId, string placeCode, MapQuery query, int count)
    {
        var parameters = new List<object?> { placeId };
        var visible = VisibleSql.Define(query.Visibility, placeCode, "$1", parameters);
        var filters = new StringBuilder();
        AppendCommonFilters(filters, parameters, query.Agency, query.Theme, query.Year?.StartYear, query.Funding);
        parameters.Add(count);
        var sql =
            "WITH " + visible + " " +
            "SELECT min(t.supplier), sum(t.amount), count(*), count(DISTINCT t.agency_id) " +
            "FROM " + VisibleSql.Transactions + " t JOIN agency a ON a.place_id = t.place_id AND a.agency_id = t.agency_id " +
            "WHERE t.place_id = $1 AND t.supplier IS NOT NULL AND trim(t.supplier) <> ''" + filters +
            " GROUP BY lower(trim(t.supplier)) ORDER BY 2 DESC, 1 LIMIT $" + parameters.Count;
        return (sql, parameters);
    }

    /// <summary>The WITH clause (the reader's visible lines) and the WHERE clause of drill-down, for use around
    /// <see cref="TransactionFrom"/>: <c>With + "SELECT … " + TransactionFrom + Where</c>.</summary>
    public static (string With, string Where, List<object?> Parameters) TransactionFilter(string placeCode, TransactionQuery query)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageNumber, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, 10_000);
        var parameters = new List<object?> { placeCode };
        var with = "WITH " + VisibleSql.Define(query.Visibility, placeCode, "(SELECT place_id FROM place WHERE code = $1)", parameters) + " ";
        var where = new StringBuilder("WHERE p.code = $1");
        AppendCommonFilters(where, parameters, query.Agency, query.Theme, query.Year?.StartYear, query.Funding);
        if (!string.IsNullOrWhiteSpace(query.Supplier))
        {
            parameters.Add(query.Supplier.Trim().ToLowerInvariant());
            where.Append(" AND lower(trim(t.supplier)) = $").Append(parameters.Count);
        }

        if (query.BatchId is { } batch)
        {
            parameters.Add(batch);
            where.Append(" AND t.batch_id = $").Append(parameters.Count);
        }

        if (query.CountedOnly)
        {
            where.Append(" AND NOT EXISTS (SELECT 1 FROM " + VisibleSql.Statements + " s WHERE s.place_id = t.place_id AND s.agency_id = t.agency_id AND s.fiscal_year = t.fiscal_year)");
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            parameters.Add(query.Search.Trim().ToLowerInvariant());
            var p = "$" + parameters.Count;
            where.Append(" AND (")
                .AppendJoin(
                    " OR ",
                    new[] { "t.supplier", "t.reference", "t.expense_type", "t.expense_area", "t.service_code", "t.description" }
                        .Select(c => $"strpos(lower(coalesce({c}, '')), {p}) > 0"))
                .Append(')');
        }

        return (with, where.ToString(), parameters);
    }

    /// <summary>One page of drill-down rows.</summary>
    public static (string Sql, List<object?> Parameters) TransactionPage(TransactionQuery query, string with, string where, List<object?> filterParameters)
    {
        if (!s_sortColumns.TryGetValue(query.Sort ?? "date", out var column))
        {
            throw new ArgumentException($"Cannot sort by '{query.Sort}'; sort by one of {string.Join(", ", TransactionQuery.SortKeys)}.", nameof(query));
        }

        var parameters = new List<object?>(filterParameters) { query.PageSize, (long)(query.PageNumber - 1) * query.PageSize };
        var sql =
            with +
            "SELECT t.batch_id, t.line_no, a.name, t.payment_date, t.amount, t.supplier, t.reference, t.expense_type, t.expense_area, " +
            "t.service_code, t.theme, b.file_name, t.source_row, t.description, t.supplier_id " +
            TransactionFrom + where +
            $" ORDER BY {column} {(query.Descending ? "DESC" : "ASC")} NULLS LAST, t.batch_id, t.line_no" +
            $" LIMIT ${parameters.Count - 1} OFFSET ${parameters.Count}";
        return (sql, parameters);
    }

    private static void AppendCommonFilters(StringBuilder where, List<object?> parameters, string? agency, string? theme, int? year, string? funding)
    {
        if (!string.IsNullOrWhiteSpace(agency))
        {
            parameters.Add(agency.Trim().ToLowerInvariant());
            where.Append(" AND lower(a.name) = $").Append(parameters.Count);
        }

        if (!string.IsNullOrWhiteSpace(theme))
        {
            parameters.Add(theme.Trim());
            where.Append(" AND t.theme = $").Append(parameters.Count);
        }

        if (year is { } y)
        {
            parameters.Add(y);
            where.Append(" AND t.fiscal_year = $").Append(parameters.Count);
        }

        if (!string.IsNullOrWhiteSpace(funding))
        {
            parameters.Add(funding.Trim().ToLowerInvariant());
            where.Append(" AND lower(a.funding_source) = $").Append(parameters.Count);
        }
    }
}
