using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static TotalPlace.Import.Tests.SpendFiles;

namespace TotalPlace.Import.Tests;

/// <summary>A spreadsheet's binary residue is snapped to the penny and counted; amounts published to three or four
/// places are kept; more places than the store keeps are an error on the row, seen by preview and commit alike.</summary>
[Trait("Issue", "11")]
public sealed class FloatResidueTests
{
    [Fact]
    public void Read_AmountWithFloatResidue_IsRoundedToThePennyAndCounted()
    {
        var result = Read(Lines("Date,Supplier,Amount", "01/04/2024,A,14685.510000000002", "02/04/2024,B,12.00"));

        Assert.Empty(result.Errors);
        Assert.Equal(14685.51m, result.Transactions[0].Amount);
        Assert.Equal(2, result.Transactions[0].Amount.Scale);
        Assert.Contains("1 amount rounded to the penny", string.Join('\n', result.Notes), StringComparison.Ordinal);
        Assert.Contains(result.Notes, n => n.Contains("from 14685.510000000002 to 14685.51", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_AmountsWithThreeOrFourPlaces_AreKeptAsPublished()
    {
        var result = Read(Lines("Date,Supplier,Amount", "01/04/2024,A,10.125", "02/04/2024,B,0.0005"));

        Assert.Empty(result.Errors);
        Assert.Equal([10.125m, 0.0005m], result.Transactions.Select(t => t.Amount));
        Assert.DoesNotContain(result.Notes, n => n.Contains("rounded", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_AmountWithFivePlacesThatIsNotResidue_IsAnErrorNamingRowAndColumn()
    {
        var result = Read(Lines("Date,Supplier,Amount", "01/04/2024,A,10.12345"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Row);
        Assert.Equal("Amount", error.Column);
        Assert.Contains("more than 4 decimal places", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_StreamedFileWithResidue_CommitsWhatThePreviewShowed()
    {
        var bytes = Utf8(Lines("Date,Supplier,Amount", "01/04/2024,A,14685.510000000002", "02/04/2024,B,99.99"));
        var preview = SpendFileReader.Read("devon.csv", bytes);

        using var stream = SpendFileStream.Open(new MemoryStream(bytes), "devon.csv");
        var streamed = stream.Transactions.ToList();

        Assert.Equal(preview.Transactions, streamed);
        Assert.Equal(preview.Notes, stream.Notes);
    }

    [Property]
    public Property Read_PennyAmountPlusResidueBelowAMillionthOfAPenny_ReadsAsThePenny() =>
        Prop.ForAll(Gen.Choose(-10_000_000, 10_000_000).ToArbitrary(), Gen.Choose(1, 99).ToArbitrary(), (pence, residue) =>
        {
            var penny = pence / 100m;
            var published = penny + (residue * 0.000000000001m);
            var result = Read(Lines("Date,Amount", $"01/04/2024,{published.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
            return result.Errors.Count == 0 && result.Total == penny;
        });
}
