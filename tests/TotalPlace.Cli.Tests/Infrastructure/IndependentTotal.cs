using System.Globalization;
using System.Text;

namespace TotalPlace.Cli.Tests.Infrastructure;

/// <summary>A deliberately plain reading of a spend CSV's amount column, written separately from the importer so a
/// test can check the store's totals against a sum nobody copied from the product.</summary>
public static class IndependentTotal
{
    static IndependentTotal() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Sums the column headed <paramref name="amountHeader"/> over every record after the header.</summary>
    public static (decimal Total, int Rows) Sum(string path, string amountHeader, Encoding encoding)
    {
        var records = Records(encoding.GetString(File.ReadAllBytes(path)));
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

    /// <summary>RFC 4180 records: commas, double quotes with doubled-quote escapes, line breaks inside quotes.</summary>
    private static List<List<string>> Records(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                record.Add(cell.ToString());
                cell.Clear();
                if (record.Any(v => v.Length > 0))
                {
                    records.Add(record);
                }

                record = [];
            }
            else
            {
                cell.Append(c);
            }
        }

        record.Add(cell.ToString());
        if (record.Any(v => v.Length > 0))
        {
            records.Add(record);
        }

        return records;
    }
}
