using System.Data.Common;
using System.Globalization;
using TotalPlace.Core;
using TotalPlace.Core.Spending;
using TotalPlace.Storage.Audit;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Places;

/// <summary>Deleting a place on a real store of every engine: every table that holds per-place data (read here from
/// the schema, so a table a later migration adds is covered without touching this test) is emptied for that place and
/// for no other, in one step, on the audit trail; the trail's entries about the place stay.</summary>
/// <remarks>Each per-place table gets a row for both places written straight into the database with typed values
/// made from the column types, so the test does not depend on every area's API being able to fill its table.</remarks>
public abstract class DeletePlaceContract<TFixture>(TFixture fixture)
    where TFixture : class, IPlaceStoreFixture
{
    private const string Doomed = "E06000047"; // County Durham: the place created by mistake
    private const string Kept = "E06000001";   // Hartlepool: the neighbour that must not be touched
    private const string Council = "Durham County Council";

    /// <summary>The value written in every integer column of a synthetic row (ids clear of the real rows').</summary>
    private const int SyntheticId = 900_007;

    /// <summary>The amount written in every decimal column of a synthetic row (small enough for DECIMAL(5,2)).</summary>
    private const int SyntheticNumber = 7;

    protected TFixture Fixture { get; } = fixture;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new empty store's location.</summary>
    protected abstract Task<string> NewStoreAsync();

    /// <summary>An open connection to the store at <paramref name="location"/>, beside the store's own.</summary>
    protected abstract Task<DbConnection> OpenRawAsync(string location);

    [Fact]
    public async Task DeletePlaceAsync_EveryPerPlaceTable_EmptiedForThatPlaceOnlyAndAudited()
    {
        var location = await NewStoreAsync();
        await using var store = await PlaceStore.OpenAsync(location, Ct);
        using (AuditActor.Use("ann.admin"))
        {
            await store.Spend.CommitTransactionsAsync(Headers.For(Doomed, Council, "doomed"), [Line(1_234.56m, 2), Line(10.01m, 3)], Ct);
            await store.Spend.CommitStatementsAsync(Headers.For(Doomed, Council, "doomed-statements"), [new SpendStatement(Council, "Police", "Grant", FiscalYear.StartingIn(2023), 500m)], Ct);
            await store.Spend.CommitTransactionsAsync(Headers.For(Kept, "Hartlepool Borough Council", "kept"), [Line(99.99m, 2)], Ct);
        }

        await using var raw = await OpenRawAsync(location);
        var tables = await PerPlaceTablesAsync(raw);
        Assert.Contains("spend_transaction", tables);
        Assert.Contains("proposal", tables);
        var doomedId = await IdAsync(raw, Doomed);
        var keptId = await IdAsync(raw, Kept);
        foreach (var table in tables.Where(t => t != "place"))
        {
            await InsertSyntheticAsync(raw, table, doomedId);
            await InsertSyntheticAsync(raw, table, keptId);
        }

        var doomedBefore = await CountsAsync(raw, tables, doomedId);
        var keptBefore = await CountsAsync(raw, tables, keptId);
        var keptMapBefore = (await store.Spend.MapAsync(new MapQuery(Kept, [MapDimension.Theme], Source: MapSource.Transactions), Ct)).Total;
        var auditBefore = (await store.Audit.QueryAuditAsync(new AuditQuery(PlaceCode: Doomed), Ct)).TotalCount;
        Assert.All(tables, t => Assert.True(doomedBefore[t] > 0, $"{t} has no row for the place, so the test would prove nothing about it"));

        PlaceContents? removed;
        using (AuditActor.Use("ann.admin"))
        {
            removed = await store.Places.DeletePlaceAsync(Doomed, Ct);
        }

        Assert.NotNull(removed);
        Assert.Equal(tables.Order(StringComparer.Ordinal), removed.Rows.Keys.Order(StringComparer.Ordinal));
        Assert.All(tables, t => Assert.Equal(doomedBefore[t], removed.Rows[t]));
        // The lines committed above plus the synthetic line, independently of the store's own sums.
        Assert.Equal(1_234.56m + 10.01m + SyntheticNumber, removed.TransactionsTotal);
        Assert.Equal(500m + SyntheticNumber, removed.StatementsTotal);

        var doomedAfter = await CountsAsync(raw, tables, doomedId);
        var keptAfter = await CountsAsync(raw, tables, keptId);
        Assert.All(tables, t => Assert.True(doomedAfter[t] == 0, $"{t} still holds {doomedAfter[t]} rows of the deleted place"));
        Assert.Equal(keptBefore, keptAfter);
        Assert.Null(await store.Places.FindPlaceAsync(Doomed, Ct));
        Assert.Equal(keptMapBefore, (await store.Spend.MapAsync(new MapQuery(Kept, [MapDimension.Theme], Source: MapSource.Transactions), Ct)).Total);
        Assert.Equal([Kept], (await store.Places.ListPlacesAsync(Ct)).Select(p => p.Code));

        var audit = await store.Audit.QueryAuditAsync(new AuditQuery(PlaceCode: Doomed), Ct);
        Assert.Equal(auditBefore + 1, audit.TotalCount);
        var entry = audit.Items[0];
        Assert.Equal(AuditActions.PlaceDeleted, entry.Action);
        Assert.Equal("ann.admin", entry.Actor);
        Assert.Contains("3 transaction lines", entry.Summary, StringComparison.Ordinal);
        Assert.Contains(audit.Items, e => e.Action == AuditActions.BatchImported);
        Assert.True((await store.Audit.VerifyAuditChainAsync(cancellationToken: Ct)).Intact);
    }

    [Fact]
    public async Task DeletePlaceAsync_AgainOrNoSuchPlace_ChangesNothing()
    {
        var location = await NewStoreAsync();
        await using var store = await PlaceStore.OpenAsync(location, Ct);
        await store.Spend.CommitTransactionsAsync(Headers.For(Kept, "Hartlepool Borough Council", "kept"), [Line(99.99m, 2)], Ct);
        var before = (await store.Audit.QueryAuditAsync(new AuditQuery(), Ct)).TotalCount;

        Assert.Null(await store.Places.DeletePlaceAsync(Doomed, Ct));
        Assert.Null(await store.Places.DescribePlaceContentsAsync(Doomed, Ct));

        Assert.Equal(before, (await store.Audit.QueryAuditAsync(new AuditQuery(), Ct)).TotalCount);
        Assert.Equal(99.99m, (await store.Spend.MapAsync(new MapQuery(Kept, [MapDimension.Theme], Source: MapSource.Transactions), Ct)).Total);
    }

    [Fact]
    public async Task DescribePlaceContentsAsync_ThePlacesLines_CountsAndTotalsWithoutDeleting()
    {
        var location = await NewStoreAsync();
        await using var store = await PlaceStore.OpenAsync(location, Ct);
        await store.Spend.CommitTransactionsAsync(Headers.For(Doomed, Council, "a"), [Line(-20m, 2), Line(1_000_000.05m, 3), Line(0.01m, 4)], Ct);
        await store.Spend.CommitTransactionsAsync(Headers.For(Doomed, Council, "b"), [Line(5m, 2)], Ct);

        var contents = await store.Places.DescribePlaceContentsAsync(Doomed, Ct);

        Assert.NotNull(contents);
        Assert.Equal(2, contents.Batches);
        Assert.Equal(4, contents.TransactionLines);
        Assert.Equal(1_000_000.05m - 20m + 0.01m + 5m, contents.TransactionsTotal);
        Assert.Equal(0, contents.StatementLines);
        Assert.Contains("2 batches, 4 transaction lines (£999,985.06)", contents.Describe(), StringComparison.Ordinal);
        Assert.NotNull(await store.Places.FindPlaceAsync(Doomed, Ct));
    }

    private static Transaction Line(decimal amount, int row) => new TransactionBuilder().Paying(amount).AtRow(row).Build();

    private static async Task<List<string>> PerPlaceTablesAsync(DbConnection raw) =>
        await QueryAsync(
            raw,
            "SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t " +
            "ON t.table_schema = c.table_schema AND t.table_name = c.table_name " +
            "WHERE c.column_name = 'place_id' AND t.table_type = 'BASE TABLE' AND c.table_schema = current_schema()",
            r => r.GetString(0));

    private static async Task<int> IdAsync(DbConnection raw, string code) =>
        Assert.Single(await QueryAsync(raw, $"SELECT place_id FROM place WHERE code = '{code}'", r => Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture)));

    private static async Task<Dictionary<string, long>> CountsAsync(DbConnection raw, IEnumerable<string> tables, int placeId)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            counts[table] = Assert.Single(await QueryAsync(raw, $"SELECT count(*) FROM {table} WHERE place_id = {placeId}", r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture)));
        }

        return counts;
    }

    /// <summary>One row for <paramref name="placeId"/> with a value of each column's type, so any table, including one
    /// added after this test was written, can be filled.</summary>
    private static async Task InsertSyntheticAsync(DbConnection raw, string table, int placeId)
    {
        var columns = await QueryAsync(
            raw,
            $"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '{table}' AND table_schema = current_schema() ORDER BY ordinal_position",
            r => (Name: r.GetString(0), Type: r.GetString(1).ToLowerInvariant()));
        var values = columns.Select(c => c.Name == "place_id" ? placeId.ToString(CultureInfo.InvariantCulture) : Literal(table, c.Name, c.Type));
        await ExecuteAsync(raw, $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", values)})");
    }

    private static string Literal(string table, string column, string type) =>
        type switch
        {
            _ when type.Contains("timestamp", StringComparison.Ordinal) => "CAST('2024-04-01 00:00:00+00' AS TIMESTAMPTZ)",
            _ when type.Contains("date", StringComparison.Ordinal) => "CAST('2024-04-01' AS DATE)",
            _ when type.Contains("bool", StringComparison.Ordinal) => "TRUE",
            _ when type.Contains("int", StringComparison.Ordinal) && column.Contains("year", StringComparison.Ordinal) => "2023",
            _ when type.Contains("int", StringComparison.Ordinal) => SyntheticId.ToString(CultureInfo.InvariantCulture),
            _ when type.Contains("decimal", StringComparison.Ordinal)
                || type.Contains("numeric", StringComparison.Ordinal) || type.Contains("double", StringComparison.Ordinal)
                || type.Contains("real", StringComparison.Ordinal) => SyntheticNumber.ToString(CultureInfo.InvariantCulture),
            _ when type.Contains("char", StringComparison.Ordinal) || type.Contains("text", StringComparison.Ordinal) => $"'synthetic {table}.{column}'",
            _ => throw new InvalidOperationException($"{table}.{column} has type '{type}', which this test cannot fill yet: add it to Literal."),
        };

    private static async Task<List<T>> QueryAsync<T>(DbConnection raw, string sql, Func<DbDataReader, T> read)
    {
        await using var command = raw.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static async Task ExecuteAsync(DbConnection raw, string sql)
    {
        await using var command = raw.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
