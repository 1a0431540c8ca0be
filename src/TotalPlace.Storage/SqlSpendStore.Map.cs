using TotalPlace.Core;
using static TotalPlace.Storage.SqlCommands;
using static TotalPlace.Storage.SqlPlaceRows;

namespace TotalPlace.Storage;

internal sealed partial class SqlSpendStore<TConnection>
{
    /// <inheritdoc/>
    public async Task<PlaceMap> MapAsync(MapQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.By);
        var code = CheckCode(query.PlaceCode);
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        var loaded = await LoadPlaceAsync(connection, code, cancellationToken)
            ?? throw new KeyNotFoundException($"The store has no place {code}; import into it or build the demo first.");
        var (sql, parameters) = StoreSql.MapCells(loaded.Id, code, query);
        var cells = await QueryAsync(
            connection,
            sql,
            r => new MapCell(r.GetString(0), r.GetString(1), r.GetString(2), FiscalYear.StartingIn(r.GetInt32(3)), r.GetString(4), r.GetDecimal(5), r.GetInt64(6)),
            cancellationToken,
            [.. parameters]);
        var themes = (await ThemesAsync(connection, cancellationToken)).ToDictionary(t => t.Code, t => t.Name, StringComparer.Ordinal);
        return MapRollup.Build(query, loaded.Place, cells, themes);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<SupplierTotal>> TopSuppliersAsync(MapQuery query, int count = 20, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var code = CheckCode(query.PlaceCode);
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        if (await LoadPlaceAsync(connection, code, cancellationToken) is not { } loaded)
        {
            return [];
        }

        var (sql, parameters) = StoreSql.TopSuppliers(loaded.Id, code, query, count);
        return await QueryAsync(
            connection,
            sql,
            r => new SupplierTotal(r.GetString(0), r.GetDecimal(1), r.GetInt64(2), (int)r.GetInt64(3)),
            cancellationToken,
            [.. parameters]);
    }

    /// <inheritdoc/>
    public async Task<Page<TransactionRow>> QueryTransactionsAsync(TransactionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var code = CheckCode(query.PlaceCode);
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        var (with, where, parameters) = StoreSql.TransactionFilter(code, query);
        var total = await ScalarAsync<long>(connection, with + "SELECT count(*) " + StoreSql.TransactionFrom + where, cancellationToken, [.. parameters]);
        var (page, pageParameters) = StoreSql.TransactionPage(query, with, where, parameters);
        var rows = await QueryAsync(
            connection,
            page,
            r => new TransactionRow(
                (r.GetInt64(0) << 32) | (uint)r.GetInt32(1),
                r.GetString(2),
                r.GetFieldValue<DateOnly>(3),
                r.GetDecimal(4),
                NullableString(r, 5),
                NullableString(r, 6),
                NullableString(r, 7),
                NullableString(r, 8),
                NullableString(r, 9),
                r.GetString(10),
                r.GetInt64(0),
                r.GetString(11),
                r.GetInt32(12),
                NullableString(r, 13),
                NullableString(r, 14)),
            cancellationToken,
            [.. pageParameters]);
        return new Page<TransactionRow>(rows, query.PageNumber, query.PageSize, total);
    }
}
