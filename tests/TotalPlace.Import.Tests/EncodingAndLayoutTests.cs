using System.Text;
using static TotalPlace.Import.Tests.SpendFiles;

namespace TotalPlace.Import.Tests;

/// <summary>File-level quirks: encodings, delimiters, line endings, banners, blank lines and odd headers.</summary>
public sealed class EncodingAndLayoutTests
{
    private static readonly string s_body = Lines(
        Header,
        "Council,01/04/2024,T1,£1000.00,Café Ltd,Rents,Housing",
        "Council,02/04/2024,T2,\"£2,000.50\",Smith & Co,Rents,Housing");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_Utf8WithOrWithoutBom_ReadsPoundAndAccents(bool bom)
    {
        var result = Read(Utf8(s_body, bom));

        Assert.Empty(result.Errors);
        Assert.Equal(3000.50m, result.Total);
        Assert.Equal("Café Ltd", result.Transactions[0].Supplier);
        Assert.Equal(bom ? "utf-8 (BOM)" : "utf-8", result.Encoding);
        Assert.Equal("Council", result.Transactions[0].Body);
    }

    [Fact]
    public void Read_Windows1252_ReadsPoundAndAccents()
    {
        var result = Read(CodePage(s_body, 1252));

        Assert.Equal(3000.50m, result.Total);
        Assert.Equal("Café Ltd", result.Transactions[0].Supplier);
        Assert.Equal("windows-1252", result.Encoding);
    }

    [Theory]
    [InlineData(437)]
    [InlineData(850)]
    public void Read_DosCodePagePound_ReadsTheAmount(int codePage)
    {
        var text = Lines(Header, "Council,01/04/2024,T1,£1000.00,Acme Ltd,Rents,Housing", "Council,02/04/2024,T2,£ 25.00,Acme Ltd,Rents,Housing");
        var bytes = CodePage(text, codePage);
        Assert.Contains((byte)0x9C, bytes);

        var result = Read(bytes);

        Assert.Empty(result.Errors);
        Assert.Equal(1025m, result.Total);
    }

    [Fact]
    public void Read_MixedEncodingsLineByLine_DecodesEachLine()
    {
        // A UTF-8 file with lines pasted from a Windows-1252 system and a DOS system.
        var bytes = new List<byte>();
        bytes.AddRange(Utf8(Lines(Header, "Council,01/04/2024,T1,£10.00,Café Ltd,Rents,Housing")));
        bytes.AddRange(CodePage(Lines("Council,02/04/2024,T2,£20.00,Crème Ltd,Rents,Housing"), 1252));
        bytes.AddRange(CodePage(Lines("Council,03/04/2024,T3,£30.00,Acme Ltd,Rents,Housing"), 850));

        var result = Read(bytes.ToArray());

        Assert.Empty(result.Errors);
        Assert.Equal(60m, result.Total);
        Assert.Equal(["Café Ltd", "Crème Ltd", "Acme Ltd"], result.Transactions.Select(t => t.Supplier));
        Assert.StartsWith("mixed utf-8", result.Encoding, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Utf16WithBom_IsRead()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(s_body.Replace(',', '\t').Replace("\"£2\t000.50\"", "£2,000.50"))).ToArray();

        var result = Read(bytes);

        Assert.Equal('\t', result.Delimiter);
        Assert.Equal(3000.50m, result.Total);
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void Read_OtherDelimiters_AreDetected(char delimiter)
    {
        var text = Lines(
            Header.Replace(',', delimiter),
            string.Join(delimiter, "Council", "01/04/2024", "T1", "1,000.00", "Smith, Jones & Co", "Rents", "Housing"),
            string.Join(delimiter, "Council", "02/04/2024", "T2", "5.00", "Acme", "Rents", "Housing"));

        var result = Read(text);

        Assert.Equal(delimiter, result.Delimiter);
        Assert.Empty(result.Errors);
        Assert.Equal(1005m, result.Total);
        Assert.Equal("Smith, Jones & Co", result.Transactions[0].Supplier);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void Read_AnyLineEnding_ReadsEveryRowWithItsPhysicalRow(string ending)
    {
        var text = string.Join(ending, Header, "Council,01/04/2024,T1,10.00,A,Rents,Housing", "Council,02/04/2024,T2,20.00,B,Rents,Housing") + ending;

        var result = Read(text);

        Assert.Equal(30m, result.Total);
        Assert.Equal([2, 3], result.Transactions.Select(t => t.SourceRow));
    }

    [Fact]
    public void Read_TitleBannerAndStrayCellsAboveHeader_FindsTheHeader()
    {
        var text = Lines(
            "\"Spend over £500 - Publication template\",,,,,,",
            "Council: Anytown,,,,,Published 01/05/2024,",
            ",,,,,,",
            "Total spend this month,,,,,,3000",
            Header,
            "Council,01/04/2024,T1,1000.00,A,Rents,Housing",
            "Council,02/04/2024,T2,2000.00,B,Rents,Housing");

        var result = Read(text);

        Assert.Empty(result.Errors);
        Assert.Equal(5, result.HeaderRow);
        Assert.Equal(3000m, result.Total);
        Assert.Contains(result.Notes, n => n.Contains("header found on row 5", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ThousandsOfBlankLines_AreIgnoredAndRowsKeepTheirPhysicalNumbers()
    {
        var lines = new List<string>();
        lines.AddRange(Enumerable.Repeat(string.Empty, 3000));
        lines.Add(Header);
        lines.Add("Council,01/04/2024,T1,10.00,A,Rents,Housing");
        lines.AddRange(Enumerable.Repeat(",,,,,,", 4000));
        lines.Add("Council,02/04/2024,T2,20.00,B,Rents,Housing");
        lines.AddRange(Enumerable.Repeat(string.Empty, 2000));

        var result = Read(Lines([.. lines]));

        Assert.Empty(result.Errors);
        Assert.Equal(3001, result.HeaderRow);
        Assert.Equal([3002, 7003], result.Transactions.Select(t => t.SourceRow));
        Assert.Equal(2, result.RowsRead);
    }

    [Fact]
    public void Read_QuotedHeadersWithLineBreaksAndPadding_AreRecognised()
    {
        var text = Lines(
            "\"Body\",\"Payment\r\nDate\",\"Transaction\nNumber\",\"  Amount  \",\" SUPPLIER name\",Expense Type,Expense Area",
            "Council,01/04/2024,T1,10.00,A,Rents,Housing");

        var result = Read(text);

        Assert.Empty(result.Errors);
        Assert.Equal(10m, result.Total);
        Assert.Equal("T1", result.Transactions[0].Reference);
        Assert.Equal("A", result.Transactions[0].Supplier);
        Assert.Equal(4, result.Transactions[0].SourceRow); // the header spans physical rows 1-3
    }

    [Fact]
    [Trait("Issue", "15")]
    public void Read_TwoColumnsHeadedAmountWithMoneyInBoth_IsRefusedNamingBoth()
    {
        var text = Lines(
            "Date,Amount,Supplier,Amount,Description,Description",
            "01/04/2024,10.00,A,999.00,first,second");

        var result = Read(text);

        var error = Assert.Single(result.Errors);
        Assert.Contains("column 2 'Amount'", error.Message, StringComparison.Ordinal);
        Assert.Contains("column 4 'Amount'", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Transactions);
    }

    [Fact]
    [Trait("Issue", "15")]
    public void Read_TwoColumnsHeadedAmountChosenByAMapping_ReadsTheChosenOne()
    {
        var text = Lines(
            "Date,Amount,Supplier,Amount,Description,Description",
            "01/04/2024,10.00,A,999.00,first,second");
        var mapping = ColumnMapping.Empty.With(ColumnRole.Amount, new MappedColumn(4, null));

        var result = Read(text, SpendReadOptions.Default with { Mapping = mapping });

        Assert.Empty(result.Errors);
        Assert.Equal(999m, result.Total);
        Assert.Equal("first", result.Transactions[0].Description);
        Assert.Contains(result.Notes, n => n.Contains("appears in columns 2, 4", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_HundredEmptyTrailingColumns_AreIgnored()
    {
        var tail = new string(',', 100);
        var text = Lines(Header + tail, "Council,01/04/2024,T1,10.00,A,Rents,Housing" + tail, "Council,02/04/2024,T2,20.00,B,Rents,Housing" + tail);

        var result = Read(text);

        Assert.Empty(result.Errors);
        Assert.Equal(30m, result.Total);
        Assert.DoesNotContain(result.Notes, n => n.Contains("more fields", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_RowsWithFewerOrMoreFields_AreReadAndNoted()
    {
        var text = Lines(
            Header,
            "Council,01/04/2024,T1,10.00,A",
            "Council,02/04/2024,T2,20.00,B,Rents,Housing,unexpected,extra");

        var result = Read(text);

        Assert.Empty(result.Errors);
        Assert.Equal(30m, result.Total);
        Assert.Null(result.Transactions[0].ExpenseType);
        Assert.Contains(result.Notes, n => n.Contains("fewer fields", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("more fields", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_CorruptXlsWithCsvName_IsDetectedByContentAndRejectedClearly()
    {
        // An OLE2 compound-file signature followed by junk: the reader must treat it as .xls (and say it cannot be
        // read) rather than parse binary as CSV. WorkbookTests reads a well-formed BIFF8 file.
        byte[] bytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[1024]];

        var result = SpendFileReader.Read("payments.csv", bytes);

        Assert.Equal(SpendFileFormat.Xls, result.Format);
        var error = Assert.Single(result.Errors);
        Assert.Equal("payments.csv", error.File);
        Assert.Contains(".xls", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Transactions);
    }

    [Fact]
    public void Read_HtmlSavedAsSpreadsheet_IsRejectedWithAClearMessage()
    {
        var result = SpendFileReader.Read("payments.xls", Utf8("<html><body><table><tr><td>Date</td></tr></table></body></html>"));

        var error = Assert.Single(result.Errors);
        Assert.Contains("HTML", error.Message, StringComparison.Ordinal);
    }
}
