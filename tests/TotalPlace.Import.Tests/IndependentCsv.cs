using System.Globalization;
using System.Text;
using TotalPlace.Testing;

namespace TotalPlace.Import.Tests;

/// <summary>A deliberately naive second reading of a real file, sharing no code with the reader: bytes as Latin-1,
/// a quote-aware split, the header found by an "Amount" cell, and every character that is not a digit, point or
/// minus dropped from the amount.</summary>
internal static class IndependentCsv
{
    public static (int Rows, decimal Total) SumAmounts(byte[] bytes, string amountHeader = "Amount")
    {
        var records = PlainCsv.Records(Encoding.Latin1.GetString(bytes));
        var header = records.FindIndex(r => r.Any(c => c.Trim().Equals(amountHeader, StringComparison.OrdinalIgnoreCase)));
        Assert.True(header >= 0, $"no '{amountHeader}' header");
        var column = records[header].FindIndex(c => c.Trim().Equals(amountHeader, StringComparison.OrdinalIgnoreCase));
        var rows = 0;
        var total = 0m;
        foreach (var record in records.Skip(header + 1))
        {
            if (column >= record.Count)
            {
                continue;
            }

            var kept = new string(record[column].Where(c => char.IsAsciiDigit(c) || c is '.' or '-').ToArray());
            if (kept.Length == 0)
            {
                continue;
            }

            rows++;
            total += decimal.Parse(kept, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        return (rows, total);
    }
}
