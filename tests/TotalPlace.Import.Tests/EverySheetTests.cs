using MiniExcelLibs;
using TotalPlace.Testing;

namespace TotalPlace.Import.Tests;

/// <summary>Every sheet and every block of a workbook is read or reported: monthly sheets appended, a header that
/// repeats with its columns moved starts a block of its own, summary and lookup sheets left out with a note, and a
/// warning wherever money was not loaded.</summary>
[Trait("Issue", "11")]
public sealed class EverySheetTests
{
    private static Dictionary<string, object?> Row(params object?[] cells) =>
        cells.Select((c, i) => (Key: $"c{i + 1}", Value: c)).ToDictionary(x => x.Key, x => x.Value);

    private static byte[] Xlsx(Dictionary<string, object> sheets)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, printHeader: false);
        return stream.ToArray();
    }

    [Fact]
    public void Read_MonthlySheetsWithTheSameLayout_AreAllLoadedAndListed()
    {
        // Given
        var sheets = new Dictionary<string, object>();
        var expected = 0m;
        for (var month = 4; month <= 6; month++)
        {
            var rows = new List<Dictionary<string, object?>> { Row("Date", "Supplier", "Amount") };
            for (var day = 1; day <= month; day++)
            {
                var amount = (month * 1000) + day + 0.25;
                expected += (decimal)amount;
                rows.Add(Row(new DateTime(2024, month, day), $"S{day}", amount));
            }

            sheets[$"M{month}"] = rows;
        }

        // When
        var result = SpendFileReader.Read("monthly.xlsx", Xlsx(sheets));

        // Then
        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.Total);
        Assert.Equal(4 + 5 + 6, result.Transactions.Count);
        Assert.Equal(["M4", "M5", "M6"], result.Blocks.Select(b => b.Sheet));
        Assert.Equal([4, 5, 6], result.Blocks.Select(b => b.RowsLoaded));
        Assert.Equal(result.Total, result.Blocks.Sum(b => b.Total));
        Assert.Contains(result.Notes, n => n.Contains("sheet 'M5', header row 1, rows 2-6: 5 line(s) loaded", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_HeaderRepeatingWithTheAmountMoved_StartsABlockReadWithItsOwnColumns()
    {
        var rows = new object[]
        {
            Row("Transaction Number", "Date", "Supplier", "Category", "Type", "Amount"),
            Row("T1", new DateTime(2024, 4, 1), "A", "Works", "Programmed", 100.50),
            Row("T2", new DateTime(2024, 4, 2), "B", "Works", "Programmed", 200.25),
            Row("Transaction Number", "Date", "Supplier", "Category", "Amount", "Type"),
            Row("T3", new DateTime(2024, 4, 3), "C", "Works", 400.75, "Reactive"),
        };

        var result = SpendFileReader.Read("fire.xlsx", Xlsx(new Dictionary<string, object> { ["Data"] = rows }));

        Assert.Empty(result.Errors);
        Assert.Equal(701.50m, result.Total);
        Assert.Equal(2, result.Blocks.Count);
        Assert.Equal(["Amount", "Amount"], result.Blocks.Select(b => b.AmountColumn));
        Assert.Equal([300.75m, 400.75m], result.Blocks.Select(b => b.Total));
        Assert.Equal(("C", 400.75m, 5), (result.Transactions[2].Supplier, result.Transactions[2].Amount, result.Transactions[2].SourceRow));
        Assert.Contains(result.Notes, n => n.Contains("row 4: the header repeats with its columns in another order", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_CsvHeaderRepeatingWithTheAmountMoved_LosesNothing()
    {
        var text = SpendFiles.Lines(
            "Date,Supplier,Amount,Type",
            "01/04/2024,A,10.00,X",
            "Date,Supplier,Type,Amount",
            "02/04/2024,B,Y,20.00");

        var result = SpendFiles.Read(text);

        Assert.Empty(result.Errors);
        Assert.Equal(30m, result.Total);
        Assert.Equal(2, result.Blocks.Count);
    }

    [Fact]
    public void Read_SummaryAndLookupSheets_AreLeftOutWithANoteAndAWarningWhereTheyHoldMoney()
    {
        var sheets = new Dictionary<string, object>
        {
            ["Summary"] = new[] { Row("Month", "Total"), Row("April", 1500.75), Row("May", 99.5) },
            ["Data"] = new[] { Row("Date", "Supplier", "Amount"), Row(new DateTime(2024, 4, 3), "Acme", 1500.75) },
            ["Lookup"] = new[] { Row("Code", "Meaning"), Row("A", "Agency"), Row("B", "Bought in") },
        };

        var result = SpendFileReader.Read("with-summary.xlsx", Xlsx(sheets));

        Assert.Empty(result.Errors);
        Assert.Equal(1500.75m, result.Total);
        Assert.Equal(["Summary", "Data", "Lookup"], result.Blocks.Select(b => b.Sheet));
        Assert.Equal([false, true, false], result.Blocks.Select(b => b.IsLoaded));
        Assert.Contains(result.Notes, n => n.StartsWith("sheet 'Summary' left out: a summary", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.StartsWith("warning: sheet 'Summary' was not loaded but holds 2 money-like", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.StartsWith("sheet 'Lookup' left out: a lookup sheet", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Notes, n => n.StartsWith("warning: sheet 'Lookup'", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_EveryGeneratedSheet_HasItsMoneyLoadedOrReported()
    {
        var sheets = new Dictionary<string, object>
        {
            ["Cover"] = new[] { Row("Spend over £500"), Row("Published 1 May 2024") },
            ["Apr"] = new[] { Row("Date", "Amount", "Supplier"), Row(new DateTime(2024, 4, 3), 10.5, "A") },
            ["Pivot"] = new[] { Row("Supplier", "Sum of Amount"), Row("A", 10.5) },
            ["Notes"] = new[] { Row("Payments 1,234.56 were redacted") },
        };

        var result = SpendFileReader.Read("every.xlsx", Xlsx(sheets));

        foreach (var block in result.Blocks)
        {
            Assert.True(block.IsLoaded || result.Notes.Any(n => n.StartsWith($"sheet '{block.Sheet}' left out", StringComparison.Ordinal)), block.Sheet);
            if (!block.IsLoaded && block.MoneyLikeValues > 0)
            {
                Assert.Contains(result.Notes, n => n.StartsWith($"warning: sheet '{block.Sheet}'", StringComparison.Ordinal));
            }
        }

        Assert.Equal(4, result.Blocks.Count);
    }

    [Fact]
    public void Read_WorkbookWithFloatResidueInASecondSheet_RoundsItAndCountsIt()
    {
        var sheets = new Dictionary<string, object>
        {
            ["Apr"] = new[] { Row("Date", "Amount"), Row(new DateTime(2024, 4, 3), "14685.510000000002") },
            ["May"] = new[] { Row("Date", "Amount"), Row(new DateTime(2024, 5, 3), "1.100000000000001") },
        };

        var result = SpendFileReader.Read("residue.xlsx", Xlsx(sheets));

        Assert.Empty(result.Errors);
        Assert.Equal(14686.61m, result.Total);
        Assert.Contains(result.Notes, n => n.StartsWith("2 amounts rounded to the penny", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_WorkbookWithAnAmbiguousAmountInOneSheet_IsRefusedNamingTheSheet()
    {
        var sheets = new Dictionary<string, object>
        {
            ["Apr"] = new[] { Row("Date", "Amount"), Row(new DateTime(2024, 4, 3), 10.5) },
            ["May"] = new[] { Row("Date", "Amount", "Amount"), Row(new DateTime(2024, 5, 3), 1.25, 7.5) },
        };

        var result = SpendFileReader.Read("two.xlsx", Xlsx(sheets));

        var error = Assert.Single(result.Errors);
        Assert.Contains("sheet 'May'", error.File, StringComparison.Ordinal);
        Assert.Empty(result.Transactions);
    }

    public static TheoryData<string, int, int> RealWorkbooks => new()
    {
        // file under ../shared/data, header row, 0-based column of the amount chosen by hand from the published header
        { "places/hyndburn-2023-24/lancashire-pcc/pcc-2023-24.xlsx", 1, 2 },
        { "places/hyndburn-2023-24/lancashire-fire-rescue/fire-2023-24.xlsx", 1, 5 },
    };

    [Theory]
    [MemberData(nameof(RealWorkbooks))]
    public void Read_RealWorkbook_EverySheetsTotalMatchesAnIndependentReading(string file, int headerRow, int amountColumn)
    {
        // Given: each sheet summed here with another library (MiniExcel), by the column chosen by hand
        var path = SharedData.File(file);
        var expected = new List<(string Sheet, int Rows, decimal Total)>();
        foreach (var sheet in MiniExcel.GetSheetNames(path))
        {
            var rows = 0;
            var total = 0m;
            foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet).Skip(headerRow))
            {
                var cell = row.TryGetValue(((char)('A' + amountColumn)).ToString(), out var value) ? value : null;
                if (cell is double d)
                {
                    rows++;
                    total += PennyOrAsPublished((decimal)d);
                }
                else if (cell is string s && decimal.TryParse(s, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var m))
                {
                    rows++;
                    total += PennyOrAsPublished(m);
                }
            }

            expected.Add((sheet, rows, total));
        }

        // When
        using var stream = SpendFileReader.Open(path);
        var lines = stream.Transactions.ToList();

        // Then
        Assert.Empty(stream.Errors);
        Assert.Equal(expected.Sum(e => e.Total), stream.Total);
        Assert.Equal(expected.Sum(e => e.Rows), lines.Count);
        Assert.Equal(lines.Sum(l => l.Amount), stream.Total);
        var loaded = stream.Blocks.Where(b => b.IsLoaded).ToList();
        if (expected.Count > 1)
        {
            Assert.Equal(expected.Select(e => (e.Sheet, e.Rows, e.Total)), loaded.Select(b => (b.Sheet!, b.RowsLoaded, b.Total)));
        }

        Assert.DoesNotContain(stream.Notes, n => n.StartsWith("warning:", StringComparison.Ordinal));
    }

    /// <summary>A double read from a cell carries binary residue; within a millionth of a penny it is the penny.</summary>
    private static decimal PennyOrAsPublished(decimal value)
    {
        var penny = Math.Round(value, 2, MidpointRounding.ToEven);
        return Math.Abs(value - penny) <= 0.00000001m ? penny : value;
    }
}
