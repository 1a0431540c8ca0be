using static TotalPlace.Import.Tests.SpendFiles;

namespace TotalPlace.Import.Tests;

/// <summary>Row-level quirks: dates, amounts, suppliers, footers and nil returns.</summary>
public sealed class RowQuirkTests
{
    [Fact]
    public void Read_MixedDateFormatsInOneColumn_ReadsEach()
    {
        var text = Lines(
            "Date,Amount,Supplier",
            "03/04/2024,1,A",
            "4/4/24,2,B",
            "05-Apr-24,4,C",
            "2024-04-06T00:00:00,8,D",
            "45389,16,E");

        var result = Read(text);

        Assert.Empty(result.Errors);
        Assert.Equal(Enumerable.Range(3, 5).Select(d => new DateOnly(2024, 4, d)), result.Transactions.Select(t => t.Date));
    }

    [Fact]
    public void Read_UsDatesWithUnambiguousEvidence_AreReadMonthFirstAndNoted()
    {
        var text = Lines("Date,Amount,Supplier", "04/03/2024,1,A", "04/13/2024,2,B");

        var result = Read(text);

        Assert.Empty(result.Errors);
        Assert.Equal([new DateOnly(2024, 4, 3), new DateOnly(2024, 4, 13)], result.Transactions.Select(t => t.Date));
        Assert.Equal(DateOrder.MonthFirst, result.Mapping.DateOrder);
        Assert.Contains(result.Notes, n => n.Contains("month-first", StringComparison.Ordinal) && n.Contains("row 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_UkAndUsDatesMixed_ReportsAmbiguousDatesAndReadsTheSelfEvidentOnes()
    {
        var text = Lines("Date,Amount,Supplier", "13/04/2024,1,A", "04/14/2024,2,B", "03/04/2024,4,C");

        var result = Read(text);

        var error = Assert.Single(result.Errors);
        Assert.Equal(4, error.Row);
        Assert.Equal("Date", error.Column);
        Assert.Equal("03/04/2024", error.Value);
        Assert.Contains("ambiguous", error.Message, StringComparison.Ordinal);
        Assert.Equal(3m, result.Total);
        Assert.Contains(result.Notes, n => n.Contains("mixed", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_DateOrderOption_OverridesTheInference()
    {
        var text = Lines("Date,Amount,Supplier", "13/04/2024,1,A", "04/14/2024,2,B", "03/04/2024,4,C");

        var result = Read(text, new SpendReadOptions { DateOrder = DateOrder.DayFirst });

        var error = Assert.Single(result.Errors);
        Assert.Equal("04/14/2024", error.Value);
        Assert.Equal(new DateOnly(2024, 4, 3), result.Transactions[^1].Date);
    }

    [Fact]
    public void Read_AmountStyles_AreAllRead()
    {
        var text = Lines(
            "Date,Amount,Supplier",
            "01/04/2024,\"£1,234.56\",A",
            "01/04/2024,  $99.00 ,B",
            "01/04/2024,(10.00),C",
            "01/04/2024,-5.00,D",
            "01/04/2024,5.00-,E",
            "01/04/2024,6.82121E-13,F",
            "01/04/2024,0.125,G",
            "01/04/2024,\"\u00A0100.00\u00A0\",H");

        var result = Read(text);

        Assert.Empty(result.Errors);
        Assert.Equal(1234.56m + 99m - 10m - 5m - 5m + 0m + 0.125m + 100m, result.Total);
        Assert.Equal(-10m, result.Transactions[2].Amount);
    }

    [Fact]
    public void Read_RedactedAndMissingSuppliers_AreRealRows()
    {
        var text = Lines(
            Header,
            "Council,01/04/2024,T1,10.00,REDACTED UNDER DP ACT,Care,Adults",
            "Council,01/04/2024,,20.00,,Pharmacy Contractors,Prescriptions",
            "Council,01/04/2024,T3,30.00,Redacted - personal data,Care,Adults");

        var result = Read(text);

        Assert.Empty(result.Errors);
        Assert.Equal(3, result.Transactions.Count);
        Assert.Equal("REDACTED UNDER DP ACT", result.Transactions[0].Supplier);
        Assert.Null(result.Transactions[1].Supplier);
        Assert.Null(result.Transactions[1].Reference);
    }

    [Fact]
    public void Read_LineAmountAndInvoiceTotal_SumsTheLineAmountNeverTheInvoiceTotal()
    {
        var text = Lines(
            "Date,Invoice Number,Invoice Total,Line Amount,Supplier",
            "01/04/2024,INV1,300.00,100.00,A",
            "01/04/2024,INV1,300.00,200.00,A");

        var result = Read(text);

        Assert.Equal(300m, result.Total);
        Assert.Equal("Line Amount", result.Mapping[ColumnRole.Amount]!.Header);
    }

    [Fact]
    public void Read_FooterTotalRows_AreSkippedAndNoted()
    {
        var text = Lines(
            Header,
            "Council,01/04/2024,T1,10.00,A,Rents,Housing",
            "Council,02/04/2024,T2,20.00,B,Rents,Housing",
            ",,,30.00,,,",
            "Grand Total,,,30.00,,,",
            "Total,,,29.99,,,");

        var result = Read(text);

        Assert.Empty(result.Errors);
        Assert.Equal(30m, result.Total);
        Assert.Equal(2, result.Transactions.Count);
        Assert.Equal(3, result.RowsSkipped);
        Assert.Contains(result.Notes, n => n.Contains("footer total row 4", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_LastRowSupplierCalledTotal_IsARealRow()
    {
        var text = Lines(
            Header,
            "Council,01/04/2024,T1,10.00,A,Rents,Housing",
            "Council,02/04/2024,T2,10.00,Total Gym Solutions Ltd,Leisure,Culture");

        var result = Read(text);

        Assert.Equal(2, result.Transactions.Count);
        Assert.Equal("Total Gym Solutions Ltd", result.Transactions[^1].Supplier);
        Assert.Equal(20m, result.Total);
    }

    [Theory]
    [Trait("Issue", "15")]
    [InlineData("")]
    [InlineData("\r\n\r\n   \r\n")]
    [InlineData("Hello world\r\n")]
    [InlineData("Supplier,Reference\r\nAcme,T1\r\n")]
    public void Read_EmptyOrHeaderlessFile_IsRefusedNotANilReturn(string text)
    {
        var result = Read(text);

        var error = Assert.Single(result.Errors);
        Assert.Equal(0, error.Row);
        Assert.False(result.IsValid);
        Assert.Empty(result.Transactions);
    }

    [Theory]
    [InlineData("Body,Date,Transaction Number,Amount,Supplier Name,Expense Type,Expense Area\r\n")]
    [InlineData("Body,Date,Transaction Number,Amount,Supplier Name,Expense Type,Expense Area\r\nNIL RETURN - no payments over £500 this month,,,,,,\r\n")]
    [InlineData("There were no payments over £25,000 in May 2013\r\n")]
    public void Read_NilReturn_IsAnEmptyBatchNotAnError(string text)
    {
        var result = Read(text);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Transactions);
        Assert.Equal(0m, result.Total);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Read_BadAmountAndDate_ErrorsNameFileRowColumnAndValue()
    {
        var text = Lines(
            "Title line",
            Header,
            "Council,01/04/2024,T1,ten pounds,A,Rents,Housing",
            "Council,31/02/2024,T2,20.00,B,Rents,Housing",
            "Council,03/04/2024,T3,30.00,C,Rents,Housing");

        var result = SpendFileReader.Read("anytown-2024-04.csv", Utf8(text));

        Assert.Equal(
            [
                new ImportError("anytown-2024-04.csv", 3, "Amount", "ten pounds", AmountParser.Parse("ten pounds").Error),
                new ImportError("anytown-2024-04.csv", 4, "Date", "31/02/2024", result.Errors[1].Message),
            ],
            result.Errors);
        Assert.Contains("day-first", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.False(result.IsValid);
        Assert.Equal(2, result.RowsRejected);
        Assert.Equal(30m, result.Total);
    }

    [Fact]
    public void Read_RepeatedHeaderInsideTheFile_IsSkipped()
    {
        var text = Lines(Header, "Council,01/04/2024,T1,10.00,A,Rents,Housing", Header, "Council,01/05/2024,T2,20.00,B,Rents,Housing");

        var result = Read(text);

        Assert.Empty(result.Errors);
        Assert.Equal(30m, result.Total);
        Assert.Equal(1, result.RowsSkipped);
    }

    [Fact]
    public void Read_NoAmountColumn_IsAFileErrorThatSaysHowToFixIt()
    {
        var result = Read(Lines("Date,Supplier,Payment", "01/04/2024,A,10"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(0, error.Row);
        Assert.Contains("mapping file", error.Message, StringComparison.Ordinal);
    }
}
