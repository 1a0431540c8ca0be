using static TotalPlace.Import.Tests.SpendFiles;

namespace TotalPlace.Import.Tests;

/// <summary>Files without dates need the period they cover; a read that loads nothing from rows with data is not a
/// batch, so the same file can be imported again with a better mapping.</summary>
[Trait("Issue", "11")]
public sealed class AggregateAndEmptyImportTests
{
    private const string Aggregate = "Supplier,Amount\r\nAcme Ltd,1200.50\r\nBeta plc,300.25\r\nTotal,1500.75\r\n";

    [Fact]
    public void Read_AggregateFileWithoutAPeriod_IsRefusedSayingAPeriodIsNeeded()
    {
        var result = Read(Aggregate);

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Row);
        Assert.Contains("no date column", error.Message, StringComparison.Ordinal);
        Assert.Contains("--period 2011-01", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Transactions);
    }

    [Fact]
    public void Read_AggregateFileWithAMonth_DatesEveryLineAtItsStartAndSkipsTheTotal()
    {
        Assert.True(SpendPeriod.TryParse("2011-01", out var period, out _));

        var result = Read(Aggregate, SpendReadOptions.Default with { Period = period });

        Assert.Empty(result.Errors);
        Assert.Equal(1500.75m, result.Total);
        Assert.All(result.Transactions, t => Assert.Equal(new DateOnly(2011, 1, 1), t.Date));
        Assert.Contains(result.Notes, n => n.Contains("every line dated 2011-01-01", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.StartsWith("footer total row 4", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_FileWithDatesAndAPeriod_UsesItsOwnDates()
    {
        Assert.True(SpendPeriod.TryParse("2023-24", out var period, out _));

        var result = Read(Lines("Date,Amount", "03/05/2023,10.00"), SpendReadOptions.Default with { Period = period });

        Assert.Equal(new DateOnly(2023, 5, 3), Assert.Single(result.Transactions).Date);
    }

    [Theory]
    [InlineData("2011-01", "2011-01-01", "2011-01-31")]
    [InlineData("2023-24", "2023-04-01", "2024-03-31")]
    [InlineData("2011/12", "2011-04-01", "2012-03-31")]
    [InlineData("2011-12", "2011-12-01", "2011-12-31")]
    public void TryParse_MonthOrFiscalYear_GivesItsFirstAndLastDay(string text, string start, string end)
    {
        Assert.True(SpendPeriod.TryParse(text, out var period, out _));
        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), (period.Start, period.End));
    }

    [Fact]
    public void Open_EveryRowRejectedWithAllowPartial_IsRefusedWholeSoNoEmptyBatchIsMade()
    {
        var bytes = Utf8(Lines("Date,Amount", "03/05/2023,ten", "04/05/2023,eleven"));
        using var stream = SpendFileStream.Open(new MemoryStream(bytes), "bad.csv", SpendReadOptions.Default with { AllowPartial = true });

        var rejected = Assert.Throws<ImportRejectedException>(() => stream.Transactions.ToList());

        Assert.Contains(rejected.Errors, e => e.Row == 0 && e.Message.Contains("nothing could be loaded", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_MappingThatPointsAtEmptyColumns_IsAnErrorNotANilReturn()
    {
        var text = Lines("Date,Amount,Paid On,Value,Supplier", ",,03/05/2023,10.00,Acme", ",,04/05/2023,20.00,Beta");
        var mapping = ColumnMapping.Empty.With(ColumnRole.Date, MappedColumn.ByNumber(1)).With(ColumnRole.Amount, MappedColumn.ByNumber(2));

        var result = Read(text, SpendReadOptions.Default with { Mapping = mapping });

        Assert.Contains(result.Errors, e => e.Row == 0 && e.Message.Contains("nothing was loaded", StringComparison.Ordinal));
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Read_HeaderAndANilReturnLine_IsStillANilReturn()
    {
        var result = Read(Lines("Date,Supplier,Amount", "Nil return for this month"));

        Assert.Empty(result.Errors);
        Assert.Empty(result.Transactions);
    }
}
