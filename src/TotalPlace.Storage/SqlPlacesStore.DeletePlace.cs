using System.Data.Common;
using TotalPlace.Storage.Audit;
using static TotalPlace.Storage.SqlCommands;

namespace TotalPlace.Storage;

// Deleting a place: every row of every table that holds per-place data, in one transaction, audited. The tables are
// read from the schema (every base table with a place_id column), so a table added by a later migration cannot escape.
internal sealed partial class SqlPlacesStore<TConnection>
{
    /// <summary>Every base table of the store's own schema with a <c>place_id</c> column, the place directory last.</summary>
    private const string PlaceTablesSql =
        "SELECT c.table_name FROM information_schema.columns c " +
        "JOIN information_schema.tables t ON t.table_catalog = c.table_catalog AND t.table_schema = c.table_schema AND t.table_name = c.table_name " +
        "WHERE c.column_name = 'place_id' AND t.table_type = 'BASE TABLE' AND c.table_schema = current_schema() AND c.table_catalog = current_database() " +
        "ORDER BY c.table_name";

    /// <inheritdoc/>
    public async Task<PlaceContents?> DescribePlaceContentsAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        var code = CheckCode(placeCode);
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await ContentsAsync(connection, code, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<PlaceContents?> DeletePlaceAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        var code = CheckCode(placeCode);
        return engine.WriteAsync(
            async connection =>
            {
                if (await ContentsAsync(connection, code, cancellationToken) is not { } contents)
                {
                    return null;
                }

                var placeId = (await LoadPlaceAsync(connection, code, cancellationToken))!.Value.Id;
                foreach (var table in contents.Rows.Keys.Where(t => t != "place").Append("place"))
                {
                    await ExecuteAsync(connection, $"DELETE FROM {table} WHERE place_id = $1", cancellationToken, placeId);
                }

                await SqlAuditTrail.AppendAsync(connection, AuditRecords.PlaceDeleted(contents), cancellationToken);
                return contents;
            },
            cancellationToken);
    }

    /// <summary>The names of the tables that hold per-place data, read from the schema.</summary>
    private static Task<List<string>> PlaceTablesAsync(DbConnection connection, CancellationToken cancellationToken) =>
        QueryAsync(connection, PlaceTablesSql, r => r.GetString(0), cancellationToken);

    private static async Task<PlaceContents?> ContentsAsync(DbConnection connection, string code, CancellationToken cancellationToken)
    {
        if (await LoadPlaceAsync(connection, code, cancellationToken) is not { } loaded)
        {
            return null;
        }

        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in (await PlaceTablesAsync(connection, cancellationToken)).Distinct(StringComparer.Ordinal))
        {
            rows[table] = await ScalarAsync<long>(connection, $"SELECT count(*) FROM {table} WHERE place_id = $1", cancellationToken, loaded.Id);
        }

        var transactions = await ScalarAsync<decimal?>(connection, "SELECT sum(amount) FROM spend_transaction WHERE place_id = $1", cancellationToken, loaded.Id) ?? 0m;
        var statements = await ScalarAsync<decimal?>(connection, "SELECT sum(amount) FROM spend_statement WHERE place_id = $1", cancellationToken, loaded.Id) ?? 0m;
        var accounts = await ScalarAsync<long>(connection, "SELECT count(*) FROM users WHERE place_code = $1", cancellationToken, code);
        var audit = await ScalarAsync<long>(connection, "SELECT count(*) FROM audit_log WHERE place_code = $1", cancellationToken, code);
        return new PlaceContents(code, loaded.Place.Name, rows, transactions, statements, accounts, audit);
    }
}
