using TotalPlace.Testing;

namespace TotalPlace.Import.Tests;

/// <summary>Every real published file in ../shared/data/spend-samples is read as published, and its total and row count agree with a
/// separate naive reading of the same bytes.</summary>
public sealed class RealSampleTests
{
    public static TheoryData<string, int, int, string> Samples => new()
    {
        // file, header row, rows published (from the publisher's source), encoding expected
        { "devon-county-council/DCCSpendingOver500_202504.csv", 1, 237, "utf-8" },
        { "devon-county-council/DCCSpendingOver500_201407.csv", 1, 9459, "windows-1252" },
        { "ministry-of-justice/moj-aramis-april-12.csv.csv", 3, 756, "windows-1252" },
        { "nhs-business-services-authority/08_-_November(3).csv", 1, 47, "windows-1252" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Read_RealFile_TotalAndRowsMatchAnIndependentReading(string file, int headerRow, int rows, string encoding)
    {
        // Given
        var bytes = File.ReadAllBytes(SharedData.File("spend-samples/" + file));
        var (independentRows, independentTotal) = IndependentCsv.SumAmounts(bytes);

        // When
        var result = SpendFileReader.Read(Path.GetFileName(file), bytes);

        // Then
        Assert.Empty(result.Errors);
        Assert.Equal(independentTotal, result.Total);
        Assert.Equal(independentRows, result.Transactions.Count);
        Assert.Equal(rows, result.Transactions.Count);
        Assert.Equal(headerRow, result.HeaderRow);
        Assert.Equal(encoding, result.Encoding);
        Assert.Equal(result.Transactions.Sum(t => t.Amount), result.Total);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), result.Sha256);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Open_RealFile_StreamsTheSameLinesAsTheInMemoryReader(string file, int headerRow, int rows, string encoding)
    {
        var path = SharedData.File("spend-samples/" + file);
        var inMemory = SpendFileReader.Read(Path.GetFileName(file), File.ReadAllBytes(path));

        using var stream = SpendFileReader.Open(path);
        var streamed = stream.Transactions.ToList();

        Assert.Equal(inMemory.Transactions, streamed);
        Assert.Equal(inMemory.Sha256, stream.Sha256);
        Assert.Equal(headerRow, stream.HeaderRow);
        Assert.Equal(rows, stream.RowsLoaded);
        Assert.Equal(encoding, stream.Encoding);
    }

    [Fact]
    public void Read_NhsFile_KeepsRowsWithNoSupplierAsRealPayments()
    {
        var bytes = File.ReadAllBytes(SharedData.File("spend-samples/nhs-business-services-authority/08_-_November(3).csv"));

        var result = SpendFileReader.Read("08_-_November(3).csv", bytes);

        var noSupplier = result.Transactions.Where(t => t.Supplier is null).ToList();
        Assert.NotEmpty(noSupplier);
        Assert.Contains(noSupplier, t => t.Amount > 100_000_000m && t.Reference is null);
    }

    [Fact]
    public void Read_Devon2014_KeepsCreditNotesNegativeAndRedactedSuppliersAsWritten()
    {
        var bytes = File.ReadAllBytes(SharedData.File("spend-samples/devon-county-council/DCCSpendingOver500_201407.csv"));

        var result = SpendFileReader.Read("DCCSpendingOver500_201407.csv", bytes);

        Assert.Contains(result.Transactions, t => t.Amount < 0m);
        Assert.Equal("Transaction Number", result.Mapping[ColumnRole.Reference]!.Header);
        Assert.Equal("Name of Body", result.Mapping[ColumnRole.Body]!.Header);
        Assert.All(result.Transactions, t => Assert.Equal("Devon County Council", t.Body));
    }

    [Fact]
    public void Read_MojFile_ReadsPoundSignAmountsAndShortMonthDates()
    {
        var bytes = File.ReadAllBytes(SharedData.File("spend-samples/ministry-of-justice/moj-aramis-april-12.csv.csv"));

        var result = SpendFileReader.Read("moj-aramis-april-12.csv.csv", bytes);

        Assert.All(result.Transactions, t => Assert.Equal(new DateOnly(2012, 4, 1).Month, t.Date.Month));
        Assert.All(result.Transactions, t => Assert.Equal(2012, t.Date.Year));
        Assert.Contains(result.Notes, n => n.Contains("fewer fields", StringComparison.Ordinal));
        Assert.Equal("Entity", result.Mapping[ColumnRole.Body]!.Header);
        Assert.Equal("Expense Type", result.Mapping[ColumnRole.ExpenseType]!.Header);
    }
}
