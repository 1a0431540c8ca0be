using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace TotalPlace.Import.Tests;

/// <summary>The header signature a remembered mapping is found by: blind to case, padding, inner runs of white space
/// and empty cells at the end of the row; not blind to the cells' text or order.</summary>
[Trait("Issue", "11")]
public sealed class HeaderSignatureTests
{
    private static Arbitrary<string[]> Headers() =>
        Gen.Elements("Date", "Amount", "Supplier Name", "Transaction Number", "Expense Area", "Net Amt", "VAT", "Quantum", "Payee", "Cost Centre")
            .ArrayOf()
            .Where(a => a.Length is > 0 and < 9)
            .ToArbitrary();

    [Property]
    public Property Of_CaseSpacingAndTrailingEmptyCells_DoNotChangeIt() =>
        Prop.ForAll(Headers(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (cells, noise) =>
        {
            var messy = cells.Select((c, i) => ((noise >> (i % 30)) & 1) == 0
                ? "  " + c.ToUpperInvariant().Replace(" ", "   \t", StringComparison.Ordinal) + " "
                : c.ToLowerInvariant()).ToList();
            messy.AddRange(Enumerable.Repeat(" ", Math.Abs(noise % 4)));
            return HeaderSignature.Of(cells) == HeaderSignature.Of(messy);
        });

    [Property]
    public Property Of_TwoDistinctCellsSwapped_ChangesIt() =>
        Prop.ForAll(Headers(), headers =>
        {
            var cells = headers.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            if (cells.Length < 2)
            {
                return true;
            }

            var swapped = (string[])cells.Clone();
            (swapped[0], swapped[1]) = (swapped[1], swapped[0]);
            return HeaderSignature.Of(cells) != HeaderSignature.Of(swapped);
        });

    [Property]
    public Property Of_AnyNonBlankRow_IsSixtyFourLowerCaseHexDigits() =>
        Prop.ForAll(Headers(), cells =>
        {
            var signature = HeaderSignature.Of(cells);
            return signature is { Length: 64 } && signature.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
        });

    [Fact]
    public void Of_BlankRow_IsNull()
    {
        Assert.Null(HeaderSignature.Of(["", "  ", "\t"]));
        Assert.Null(HeaderSignature.Of([]));
    }

    [Fact]
    public void Of_EmptyCellInside_IsKept()
    {
        Assert.NotEqual(HeaderSignature.Of(["Date", "", "Amount"]), HeaderSignature.Of(["Date", "Amount"]));
    }

    [Fact]
    public void RawRows_CsvWithTitleRows_GivesEveryRowWithItsPhysicalLine()
    {
        var text = "Widgets Authority,,\nPayments,,\n,,\nDate Paid,Payee,Quantum\n01/04/2023,Acme,\"1,234.50\"\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var raw = RawRows.Read(stream, 50);

        Assert.Null(raw.Problem);
        Assert.Equal([1, 2, 3, 4, 5], raw.Rows.Select(r => r.Line));
        Assert.Equal(["Date Paid", "Payee", "Quantum"], raw.At(4)!.Cells);
        Assert.Equal("1,234.50", raw.At(5)!.Cells[2]);
        Assert.Equal(HeaderSignature.Of(["date paid", "PAYEE", "Quantum", ""]), raw.At(4)!.Signature);
        Assert.Equal(3, raw.Width);
    }

    [Fact]
    public void RawRows_MaxRows_StopsThere()
    {
        var text = string.Concat(Enumerable.Range(1, 100).Select(i => $"row {i},{i}\n"));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var raw = RawRows.Read(stream, 30);

        Assert.Equal(30, raw.Rows.Count);
        Assert.Equal("row 30", raw.Rows[^1].Cells[0]);
    }

    [Fact]
    public void RawRows_Pdf_SaysWhyNoRows()
    {
        using var stream = new MemoryStream("%PDF-1.7 ..."u8.ToArray());

        var raw = RawRows.Read(stream, 30);

        Assert.Empty(raw.Rows);
        Assert.Contains("PDF", raw.Problem, StringComparison.Ordinal);
    }
}
