using System.Globalization;
using System.Text;
using FsCheck.Xunit;

namespace TotalPlace.Import.Tests;

/// <summary>Issue 15 item 6: a file cut anywhere never stores a fragment of a published amount silently. Either the
/// reader refuses the file, or every amount it reads is one that was written, on its own row.</summary>
[Trait("Issue", "15")]
public sealed class TruncationProperties
{
    private static readonly CultureInfo s_inv = CultureInfo.InvariantCulture;

    [Property(MaxTest = 40)]
    public bool Read_FileCutAtAnyByte_NeverStoresAFragmentOfAnAmount(int[] pennies, bool quoteSuppliers, byte cutSeed)
    {
        var (text, amounts) = File(pennies, quoteSuppliers);
        var bytes = Encoding.UTF8.GetBytes(text);
        var cut = bytes.Length <= 40 ? bytes.Length : 40 + (cutSeed * (bytes.Length - 40) / 255);
        return Honest(bytes[..cut], amounts);
    }

    [Fact]
    public void Read_OneFileCutAtEveryByteOfItsLastLine_NeverStoresAFragmentOfAnAmount()
    {
        var (text, amounts) = File([10_000, 5_063_785, -12_345], quoteSuppliers: true);
        var bytes = Encoding.UTF8.GetBytes(text);
        var lastLine = Encoding.UTF8.GetByteCount(text[..text.TrimEnd('\r', '\n').LastIndexOf('\n')]) + 1;
        var refused = 0;
        for (var cut = lastLine; cut <= bytes.Length; cut++)
        {
            Assert.True(Honest(bytes[..cut], amounts), $"cut at byte {cut}: '{Encoding.UTF8.GetString(bytes[lastLine..cut])}'");
            refused += SpendFileReader.Read("cut.csv", bytes[..cut]).IsValid ? 0 : 1;
        }

        // Cuts inside the date, supplier (quoted, with a comma and an accent) and amount are refused; cuts inside
        // the last column (the reference) or at the line's end leave every amount whole and are read.
        Assert.True(refused >= 30, $"only {refused} cuts were refused");
    }

    [Fact]
    public void Read_CutFileAcceptedByTheUser_ReadsTheLastLineAsItIs()
    {
        var bytes = Encoding.UTF8.GetBytes("Date,Supplier,Amount,Reference\r\n01/04/2024,A,100.00,R1\r\n02/04/2024,B,506");

        var refused = SpendFileReader.Read("cut.csv", bytes);
        var accepted = SpendFileReader.Read("cut.csv", bytes, SpendReadOptions.Default with { AcceptTruncatedLastLine = true });

        var error = Assert.Single(refused.Errors);
        Assert.Equal(new ImportError("cut.csv", 3, "Amount", "506", error.Message), error);
        Assert.True(error.IsTruncatedLastLine);
        Assert.Empty(refused.Transactions);
        Assert.Empty(accepted.Errors);
        Assert.Equal(606m, accepted.Total);
    }

    [Fact]
    public void Open_StreamingACutFileWithAllowPartial_IsStillRefusedWhole()
    {
        var bytes = Encoding.UTF8.GetBytes("Date,Supplier,Amount,Reference\r\n01/04/2024,A,100.00,R1\r\n02/04/2024,\"B");
        using var stream = SpendFileStream.Open(new MemoryStream(bytes), "cut.csv", SpendReadOptions.Default with { AllowPartial = true });

        var rejected = Assert.Throws<ImportRejectedException>(() => stream.Transactions.ToList());

        Assert.Contains(rejected.Errors, e => e.IsTruncatedLastLine && e.Row == 3 && e.Column == "Supplier");
    }

    private static bool Honest(byte[] bytes, HashSet<(int Row, decimal Amount)> amounts)
    {
        var result = SpendFileReader.Read("cut.csv", bytes);
        return !result.IsValid || result.Transactions.All(t => amounts.Contains((t.SourceRow, t.Amount)));
    }

    private static (string Text, HashSet<(int Row, decimal Amount)> Amounts) File(int[] pennies, bool quoteSuppliers)
    {
        var text = new StringBuilder("Date,Supplier,Amount,Reference\r\n");
        var amounts = new HashSet<(int, decimal)>();
        for (var i = 0; i < pennies.Length; i++)
        {
            var amount = pennies[i] / 100m;
            amounts.Add((i + 2, amount));
            var supplier = quoteSuppliers ? $"\"Café {i}, Ltd\"" : $"Supplier {i}";
            text.Append(s_inv, $"{new DateOnly(2024, 4, 1).AddDays(i % 300):dd/MM/yyyy},{supplier},{amount.ToString("0.00", s_inv)},R{i}\r\n");
        }

        return (text.ToString(), amounts);
    }
}
