using System.Globalization;
using System.Text;

namespace TotalPlace.Testing;

/// <summary>A generated spend file that inference cannot read by itself: two title rows and a blank row above the
/// header, and the amount in a column with an unusual name ("Quantum"), so a person must point at the header row and
/// pick the amount column. Deterministic for a seed; files of the same publisher share the header.</summary>
public static class UnusualLayoutFile
{
    /// <summary>The header cells, in order.</summary>
    public static IReadOnlyList<string> Header { get; } = ["Date Paid", "Payee", "Narrative", "Quantum", "Voucher"];

    /// <summary>The 1-based line of the header.</summary>
    public const int HeaderLine = 4;

    /// <summary>The 1-based column of the amount.</summary>
    public const int AmountColumn = 4;

    /// <summary>The file's text: titles, a blank row, the header and <paramref name="lines"/> payment lines in
    /// April 2023.</summary>
    public static string Text(int seed, int lines)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        text.Append("Hyndburn Widgets Authority,,,,\n");
        text.Append(CultureInfo.InvariantCulture, $"Payments to suppliers (file {seed}),,,,\n");
        text.Append(",,,,\n");
        text.Append(string.Join(',', Header)).Append('\n');
        string[] payees = ["Acme Widgets Ltd", "Bee Services LLP", "County Fuels plc", "Dee Care Trust"];
        for (var i = 0; i < lines; i++)
        {
            var pence = random.Next(-5_000, 2_500_000);
            var amount = (pence / 100m).ToString("0.00", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{1 + (i % 28):00}/04/2023,{payees[random.Next(payees.Length)]},Goods and services {i + 1},{amount},V{seed:00}{i + 1:0000}\n");
        }

        return text.ToString();
    }

    /// <summary>The file's bytes (UTF-8, no byte-order mark).</summary>
    public static byte[] Bytes(int seed, int lines) => Encoding.UTF8.GetBytes(Text(seed, lines));

    /// <summary>The sum of the amount column, read back from the text with <see cref="PlainCsv"/> (not the product's reader).</summary>
    public static decimal IndependentTotal(string text)
    {
        var records = PlainCsv.Records(text);
        var header = records.FindIndex(r => r.Count > 3 && r[AmountColumn - 1] == "Quantum");
        return records.Skip(header + 1).Sum(r => decimal.Parse(r[AmountColumn - 1], NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
    }

    /// <summary>How many payment lines the text holds, read back the same way.</summary>
    public static int IndependentCount(string text)
    {
        var records = PlainCsv.Records(text);
        var header = records.FindIndex(r => r.Count > 3 && r[AmountColumn - 1] == "Quantum");
        return records.Count - header - 1;
    }
}
