using System.Globalization;
using System.Text;
using TotalPlace.Testing;

namespace TotalPlace.Cli.Tests.Infrastructure;

/// <summary>A deliberately plain reading of a spend CSV's amount column, written separately from the importer so a
/// test can check the store's totals against a sum nobody copied from the product.</summary>
public static class IndependentTotal
{
    static IndependentTotal() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Sums the column headed <paramref name="amountHeader"/> over every record after the header.</summary>
    public static (decimal Total, int Rows) Sum(string path, string amountHeader, Encoding encoding)
    {
        var records = PlainCsv.Records(encoding.GetString(File.ReadAllBytes(path)));
        var headerIndex = records.FindIndex(r => r.Any(c => string.Equals(c.Trim(), amountHeader, StringComparison.OrdinalIgnoreCase)));
        Assert.True(headerIndex >= 0, $"no '{amountHeader}' header in {path}");
        var column = records[headerIndex].FindIndex(c => string.Equals(c.Trim(), amountHeader, StringComparison.OrdinalIgnoreCase));
        var total = 0m;
        var rows = 0;
        foreach (var record in records.Skip(headerIndex + 1))
        {
            if (record.Count <= column || string.IsNullOrWhiteSpace(record[column]))
            {
                continue;
            }

            var text = new string([.. record[column].Where(c => char.IsAsciiDigit(c) || c is '.' or '-' or '(')]);
            var negative = text.StartsWith('(') || text.StartsWith('-');
            var value = decimal.Parse(text.Trim('(', '-'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            total += negative ? -value : value;
            rows++;
        }

        return (total, rows);
    }

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);
}
