using MiniExcelLibs;

namespace TotalPlace.Import.Tests;

public sealed class WorkbookTests
{
    private static Dictionary<string, object?> Row(params object?[] cells) =>
        cells.Select((c, i) => (Key: $"c{i + 1}", Value: c)).ToDictionary(x => x.Key, x => x.Value);

    private static byte[] Xlsx(object sheets)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, printHeader: false);
        return stream.ToArray();
    }

    [Fact]
    public void Read_XlsxWithBannerDateCellsSerialsAndTextAmounts_IsReadLikeACsv()
    {
        var rows = new[]
        {
            Row("Expenditure over £500 - April 2024", null, null, null, null),
            Row(null, null, null, null, null),
            Row("Body", "Payment Date", "Supplier Name", "Amount", "Transaction Number"),
            Row("Council", new DateTime(2024, 4, 3), "A", 1000.5, "T1"),
            Row("Council", 45386, "B", "£2,000.00", "T2"),
            Row("Council", "05/04/2024", "C", -250.25, 123456),
            Row(null, null, "Total", 2750.25, null),
        };

        var result = SpendFileReader.Read("april.csv", Xlsx(rows));

        Assert.Equal(SpendFileFormat.Xlsx, result.Format);
        Assert.Empty(result.Errors);
        Assert.Equal(3, result.HeaderRow);
        Assert.Equal(1000.5m + 2000m - 250.25m, result.Total);
        Assert.Equal([new DateOnly(2024, 4, 3), new DateOnly(2024, 4, 4), new DateOnly(2024, 4, 5)], result.Transactions.Select(t => t.Date));
        Assert.Equal("123456", result.Transactions[2].Reference);
        Assert.Equal([4, 5, 6], result.Transactions.Select(t => t.SourceRow));
        Assert.Equal(1, result.RowsSkipped);
    }

    [Fact]
    public void Read_WorkbookWithCoverSheet_ReadsTheSheetThatHasTheData()
    {
        var sheets = new Dictionary<string, object>
        {
            ["Notes"] = new[] { Row("This workbook lists payments over £25,000."), Row("Contact: finance@example.gov.uk") },
            ["Data"] = new[] { Row("Date", "Amount", "Supplier"), Row(new DateTime(2024, 4, 3), 30000.0, "Acme Ltd") },
        };

        var result = SpendFileReader.Read("spend.xlsx", Xlsx(sheets));

        Assert.Empty(result.Errors);
        Assert.Equal(30000m, result.Total);
        Assert.Contains(result.Notes, n => n.Contains("'Data'", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_XlsxStream_RejectsBadRowsWithSheetRowNumbers()
    {
        var rows = new[] { Row("Date", "Amount", "Supplier"), Row(new DateTime(2024, 4, 3), "n/a", "Acme Ltd") };
        using var stream = SpendFileStream.Open(new MemoryStream(Xlsx(rows)), "spend.xlsx");

        var ex = Assert.Throws<ImportRejectedException>(() => stream.Transactions.ToList());

        Assert.Equal(new ImportError("spend.xlsx", 2, "Amount", "n/a", ex.Errors[0].Message), Assert.Single(ex.Errors));
    }

    [Fact]
    public void Read_LegacyXlsWithCsvName_IsReadAsAWorkbook()
    {
        // A BIFF8 workbook written by Biff8Workbook (the test's own minimal writer), published with a .csv name.
        var bytes = Biff8Workbook.Create("Spend", new List<object?[]>
        {
            new object?[] { "Payments over £500", null, null, null },
            new object?[] { "Date", "Supplier Name", "Amount", "Transaction Number" },
            new object?[] { "03/04/2024", "Café Ltd", 1000.5, "T1" },
            new object?[] { 45386.0, "Acme Ltd", "(250.25)", 1234.0 },
        });

        var result = SpendFileReader.Read("april.csv", bytes);

        Assert.Equal(SpendFileFormat.Xls, result.Format);
        Assert.Empty(result.Errors);
        Assert.Equal(2, result.HeaderRow);
        Assert.Equal(750.25m, result.Total);
        Assert.Equal([new DateOnly(2024, 4, 3), new DateOnly(2024, 4, 4)], result.Transactions.Select(t => t.Date));
        Assert.Equal(["Café Ltd", "Acme Ltd"], result.Transactions.Select(t => t.Supplier));
        Assert.Equal("1234", result.Transactions[1].Reference);
    }
}
