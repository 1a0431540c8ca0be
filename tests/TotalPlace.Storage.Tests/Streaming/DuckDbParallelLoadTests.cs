using System.Globalization;
using DuckDB.NET.Data;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TotalPlace.Core.Spending;
using TotalPlace.Storage.DuckDb;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Streaming;

/// <summary>DuckDB's parallel bulk load (<c>ParallelBulkLoad</c>): lines written straight into DuckDB's vectors on
/// several threads come back exactly in every column, keep their numbers whatever order the threads stored them in,
/// and leave DuckDB's <c>preserve_insertion_order</c> as they found it, after a failure too.</summary>
public sealed class DuckDbParallelLoadTests(DuckDbFileFixture fixture) : IClassFixture<DuckDbFileFixture>
{
    private const string Manchester = "E08000003";
    private const string Council = "Manchester City Council";

    // Text that is 12 UTF-8 bytes or fewer is kept inside DuckDB's string entry and longer text in the vector's heap;
    // these pieces put values on both sides of that edge in characters and in bytes (£, é and – are two or three bytes,
    // the emoji four, as a surrogate pair in .NET).
    private static readonly string[] s_pieces = ["a", "Z", "7", " ", "£", "é", "–", "‘", "😀", "Ltd", "&", "\"", ",", "\n"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Arbitrary<LineSeed> LineSeeds()
    {
        var text = Gen.Elements(s_pieces).ListOf().Select(parts => string.Concat(parts));
        var optionalText = Gen.Frequency((1, Gen.Constant<string?>(null)), (4, text.Select(t => (string?)t)));
        var amount = Gen.Choose(-999_999_999, 999_999_999).Select(units => units / 10_000m)
            .Or(Gen.Elements(99_999_999_999_999.9999m, -99_999_999_999_999.9999m, 0m, 0.0001m, 612.505m));
        var day = Gen.Choose(new DateOnly(1950, 1, 1).DayNumber, new DateOnly(2060, 12, 31).DayNumber);
        return (from supplier in optionalText
                from description in optionalText
                from reference in optionalText
                from pounds in amount
                from dayNumber in day
                select new LineSeed(supplier, description, reference, pounds, dayNumber)).ToArbitrary();
    }

    [Property(MaxTest = 8, Arbitrary = [typeof(DuckDbParallelLoadTests)])]
    public async Task<bool> EveryColumn_ComesBackExactly_ByLineNumber(NonEmptyArray<LineSeed> seeds, PositiveInt extra)
    {
        // More than two blocks whatever was generated, so several threads take blocks and store them in their order.
        var count = (LinePipeline.BlockSize * 2) + (extra.Get % LinePipeline.BlockSize);
        var lines = Enumerable.Range(0, count).Select(i => LineFrom(seeds.Get[i % seeds.Get.Length], i)).ToList();
        await using var store = (DuckDbPlaceStore)await fixture.CreateStoreAsync(Ct);

        var result = await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "property", count), lines, Ct);

        var stored = await ReadLinesAsync(store.Path);
        return result.Batch.RowsLoaded == count
            && result.Batch.Total == lines.Sum(l => l.Amount)
            && stored.Count == count
            && stored.Select((row, i) => row == Expected(lines[i], i + 1, result.Batch.Id)).All(same => same);
    }

    [Fact]
    public async Task Load_LeavesPreserveInsertionOrderAsItFoundIt_AfterSuccessAndAfterFailure()
    {
        await using var store = (DuckDbPlaceStore)await fixture.CreateStoreAsync(Ct);
        var lines = Enumerable.Range(0, (LinePipeline.BlockSize * 3) + 5).Select(i => LineFrom(new LineSeed("Acme", null, null, 1.25m, 740_000), i)).ToList();

        await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "ok"), lines, Ct);
        Assert.Equal("true", await SettingAsync(store.Path));

        var problem = new InvalidDataException("row 5000: the file ends mid-record");
        var thrown = await Assert.ThrowsAsync<InvalidDataException>(() =>
            store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "bad"), ThrowingAfter(lines, 5000, problem), Ct));
        Assert.Same(problem, thrown);
        Assert.Equal("true", await SettingAsync(store.Path));

        // An operator's own choice is put back too, not replaced by the default.
        await ExecuteAsync(store.Path, "SET preserve_insertion_order = false");
        try
        {
            await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "operator"), lines, Ct);
            Assert.Equal("false", await SettingAsync(store.Path));
        }
        finally
        {
            await ExecuteAsync(store.Path, "SET preserve_insertion_order = true");
        }

        Assert.Equal(2, (await store.Spend.ListBatchesAsync(Manchester, Ct)).Count);
    }

    [Fact]
    public async Task TryRun_RowWriterThrowsOnAThreadOfDuckDbs_RethrowsItAsThrownAndInsertsNothing()
    {
        var path = fixture.NewPath();
        await using (var store = await fixture.OpenAsync(path, Ct))
        {
            // Opening registers the load's table function in the instance, which this connection shares.
            await using var connection = new DuckDBConnection("Data Source=" + path);
            await connection.OpenAsync(Ct);
            await ExecuteAsync(connection, "CREATE TABLE load_target (n INTEGER NOT NULL, label VARCHAR)");
            var lines = Enumerable.Range(0, (LinePipeline.BlockSize * 4) + 1).Select(i => LineFrom(new LineSeed("x", null, null, 1m, 740_000), i)).ToList();
            var problem = new InvalidOperationException("line 6000 cannot be written");
            await using var pipeline = LinePipeline.Start(lines, new StoreClassifier(ClassificationRules.Default, []), "writer.csv", Ct);

            var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => ParallelBulkLoad.TryRunAsync(
                connection,
                "load_target",
                pipeline,
                (row, line) =>
                {
                    if (line.LineNo == 6000)
                    {
                        throw problem;
                    }

                    row.AppendValue(line.LineNo).AppendValue(line.Line.Supplier);
                },
                Ct));

            Assert.Same(problem, thrown);
            Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT count(*) FROM load_target"));
            Assert.Equal("true", await ScalarAsync<string>(connection, "SELECT current_setting('preserve_insertion_order')::TEXT"));
        }
    }

    [Fact]
    public async Task TryRun_TheLinesTable_TakesTheParallelPathAndCountsTheRowsStored()
    {
        // Guards the fast path itself: a column type the load does not write would send the lines back to the appender,
        // and every other test would still pass.
        var path = fixture.NewPath();
        await using var store = await fixture.OpenAsync(path, Ct);
        await using var connection = new DuckDBConnection("Data Source=" + path);
        await connection.OpenAsync(Ct);
        var lines = Enumerable.Range(0, LinePipeline.BlockSize + 3).Select(i => LineFrom(new LineSeed("Acme", "Repairs", "R1", 2.5m, 740_000), i)).ToList();
        await using var pipeline = LinePipeline.Start(lines, new StoreClassifier(ClassificationRules.Default, []), "lines.csv", Ct);

        var stored = await ParallelBulkLoad.TryRunAsync(
            connection,
            "spend_transaction",
            pipeline,
            (row, classified) => SqlBatchRows.WriteTransactionRow(row, classified, placeId: 1, batchId: 7, agencyId: 1),
            Ct);

        Assert.Equal(lines.Count, stored);
        Assert.Equal((long)lines.Count, await ScalarAsync<long>(connection, "SELECT count(*) FROM spend_transaction WHERE batch_id = 7"));
        Assert.Equal(lines.Sum(l => l.Amount), await ScalarAsync<decimal>(connection, "SELECT sum(amount) FROM spend_transaction WHERE batch_id = 7"));
    }

    [Fact]
    public async Task TryRun_InsertRefusedByDuckDbInsideATransaction_FailsWithoutHangingAndPutsTheSettingBack()
    {
        var path = fixture.NewPath();
        await using var store = await fixture.OpenAsync(path, Ct);
        await using var connection = new DuckDBConnection("Data Source=" + path);
        await connection.OpenAsync(Ct);
        await ExecuteAsync(connection, "CREATE TABLE strict_target (n INTEGER NOT NULL, label VARCHAR NOT NULL)");
        await ExecuteAsync(connection, "BEGIN TRANSACTION");
        // More lines than the pipeline holds ahead, so its reader is blocked when DuckDB fails the statement.
        var lines = Enumerable.Range(0, LinePipeline.BlockSize * (LinePipeline.BlocksAhead + 4)).Select(i => LineFrom(new LineSeed("x", null, null, 1m, 740_000), i)).ToList();
        await using var pipeline = LinePipeline.Start(lines, new StoreClassifier(ClassificationRules.Default, []), "strict.csv", Ct);

        await Assert.ThrowsAsync<DuckDBException>(() => ParallelBulkLoad.TryRunAsync(
            connection,
            "strict_target",
            pipeline,
            (row, line) => row.AppendValue(line.LineNo).AppendValue(line.LineNo == 7000 ? null : "label"),
            Ct));

        Assert.Equal("true", await SettingAsync(path));
        await ExecuteAsync(connection, "ROLLBACK");
        Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT count(*) FROM strict_target"));
    }

    [Fact]
    public async Task TryRun_TableWithATypeItDoesNotWrite_ReturnsNullAndTakesNoBlock()
    {
        var path = fixture.NewPath();
        await using var store = await fixture.OpenAsync(path, Ct);
        await using var connection = new DuckDBConnection("Data Source=" + path);
        await connection.OpenAsync(Ct);
        await ExecuteAsync(connection, "CREATE TABLE flagged (n INTEGER, flag BOOLEAN)");
        var lines = Enumerable.Range(0, 10).Select(i => LineFrom(new LineSeed("x", null, null, 1m, 740_000), i)).ToList();
        await using var pipeline = LinePipeline.Start(lines, new StoreClassifier(ClassificationRules.Default, []), "flags.csv", Ct);

        var loaded = await ParallelBulkLoad.TryRunAsync(connection, "flagged", pipeline, (_, _) => throw new InvalidOperationException("no row is written"), Ct);

        Assert.Null(loaded);
        Assert.True(pipeline.TryTakeBlock(out var block));
        Assert.Equal(10, block.Count(line => line.Line is not null));
    }

    private static Transaction LineFrom(LineSeed seed, int index) => new()
    {
        Date = DateOnly.FromDayNumber(seed.DayNumber),
        Amount = seed.Amount,
        Supplier = seed.Supplier,
        SupplierId = index % 3 == 0 ? null : "SUP" + index.ToString(CultureInfo.InvariantCulture),
        Body = index % 5 == 0 ? null : Council,
        Reference = seed.Reference,
        ExpenseType = seed.Description is null ? null : seed.Description + "-type",
        ExpenseArea = index % 2 == 0 ? "Highways" : "Adult Social Care – Older People",
        ServiceCode = index % 7 == 0 ? null : "SC" + (index % 13).ToString(CultureInfo.InvariantCulture),
        Description = seed.Description,
        SourceRow = index + 2,
        ContractReference = index % 4 == 0 ? "CON/" + index.ToString(CultureInfo.InvariantCulture) : null,
        InvoiceNumber = seed.Supplier is null ? null : "INV-" + seed.Supplier,
    };

    private static StoredLine Expected(Transaction line, int lineNo, long batchId) => new(
        Manchester,
        Council,
        batchId,
        ClassificationRules.Default.Classify(line),
        lineNo,
        line.Date,
        line.FiscalYear.StartYear,
        line.Amount,
        line.Supplier,
        line.SupplierId,
        line.Body,
        line.Reference,
        line.ExpenseType,
        line.ExpenseArea,
        line.ServiceCode,
        line.Description,
        line.SourceRow,
        line.ContractReference,
        line.InvoiceNumber);

    private static async Task<List<StoredLine>> ReadLinesAsync(string path)
    {
        await using var connection = new DuckDBConnection("Data Source=" + path);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT p.code, a.name, t.batch_id, t.theme, t.line_no, t.payment_date, t.fiscal_year, t.amount, t.supplier, t.supplier_id, t.body, " +
            "t.reference, t.expense_type, t.expense_area, t.service_code, t.description, t.source_row, t.contract_ref, t.invoice_number " +
            "FROM spend_transaction t JOIN place p ON p.place_id = t.place_id " +
            "JOIN agency a ON a.place_id = t.place_id AND a.agency_id = t.agency_id ORDER BY t.line_no";
        var rows = new List<StoredLine>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(new StoredLine(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt64(2),
                reader.GetString(3),
                reader.GetInt32(4),
                reader.GetFieldValue<DateOnly>(5),
                reader.GetInt32(6),
                reader.GetDecimal(7),
                TextAt(reader, 8),
                TextAt(reader, 9),
                TextAt(reader, 10),
                TextAt(reader, 11),
                TextAt(reader, 12),
                TextAt(reader, 13),
                TextAt(reader, 14),
                TextAt(reader, 15),
                reader.GetInt32(16),
                TextAt(reader, 17),
                TextAt(reader, 18)));
        }

        return rows;
    }

    private static string? TextAt(System.Data.Common.DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static async Task<string> SettingAsync(string path)
    {
        await using var connection = new DuckDBConnection("Data Source=" + path);
        await connection.OpenAsync(Ct);
        return await ScalarAsync<string>(connection, "SELECT current_setting('preserve_insertion_order')::TEXT");
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new DuckDBConnection("Data Source=" + path);
        await connection.OpenAsync(Ct);
        await ExecuteAsync(connection, sql);
    }

    private static async Task ExecuteAsync(DuckDBConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<T> ScalarAsync<T>(DuckDBConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync(Ct))!, typeof(T), CultureInfo.InvariantCulture);
    }

    private static IEnumerable<Transaction> ThrowingAfter(IEnumerable<Transaction> lines, int count, Exception exception)
    {
        foreach (var line in lines.Take(count))
        {
            yield return line;
        }

        throw exception;
    }

    public sealed record LineSeed(string? Supplier, string? Description, string? Reference, decimal Amount, int DayNumber);

    private sealed record StoredLine(
        string Place,
        string Agency,
        long BatchId,
        string Theme,
        int LineNo,
        DateOnly Date,
        int FiscalYear,
        decimal Amount,
        string? Supplier,
        string? SupplierId,
        string? Body,
        string? Reference,
        string? ExpenseType,
        string? ExpenseArea,
        string? ServiceCode,
        string? Description,
        int SourceRow,
        string? ContractReference,
        string? InvoiceNumber);
}
