using System.Globalization;
using System.Text;
using TotalPlace.Testing;

namespace TotalPlace.Import.Tests;

/// <summary>No published file in ../shared/data loses money silently: each reads whole, with a total equal to a
/// naive second reading of its bytes, and nothing left out without a note.</summary>
[Trait("Issue", "11")]
public sealed class SharedDataFileTests
{
    public static TheoryData<string, string> CsvFiles
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var name in (string[])["1694702240wpdm_July-23-csv.csv", "1698840997wpdm_September-2023.csv", "1700664724wpdm_May-2023-csv.csv",
                "April-2023.csv", "August-23-csv.csv", "December-23.csv", "January-24.csv", "June-23-csv.csv", "November-23-csv.csv",
                "October-2023.csv", "SpendOver250Feb24.csv"])
            {
                data.Add($"places/hyndburn-2023-24/hyndburn-borough-council/{name}", "Net Amount");
            }

            data.Add("places/hyndburn-2023-24/hyndburn-borough-council/Spend-over-250.00-Mar-24.csv", "Amount Paid");
            data.Add("spend-samples/devon-county-council/DCCSpendingOver500_202504.csv", "Amount");
            data.Add("spend-samples/devon-county-council/DCCSpendingOver500_201407.csv", "Amount");
            data.Add("spend-samples/ministry-of-justice/moj-aramis-april-12.csv.csv", "Amount");
            data.Add("spend-samples/nhs-business-services-authority/08_-_November(3).csv", "Amount");
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CsvFiles))]
    public void Open_SharedCsv_LoadsEveryAmountOfTheColumnChosenByHand(string file, string amountHeaderStart)
    {
        // Given: the amount column found here by the start of its published header, summed naively
        var path = SharedData.File(file);
        var records = PlainCsv.Records(Encoding.Latin1.GetString(File.ReadAllBytes(path)));
        var header = records.FindIndex(r => r.Any(c => c.Trim().StartsWith(amountHeaderStart, StringComparison.OrdinalIgnoreCase)));
        var column = records[header].FindIndex(c => c.Trim().StartsWith(amountHeaderStart, StringComparison.OrdinalIgnoreCase));
        var amounts = records.Skip(header + 1)
            .Where(r => column < r.Count)
            .Select(r => new string(r[column].Where(c => char.IsAsciiDigit(c) || c is '.' or '-').ToArray()))
            .Where(k => k.Length > 0)
            .Select(k => decimal.Parse(k, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))
            .ToList();

        // When
        using var stream = SpendFileReader.Open(path);
        var lines = stream.Transactions.ToList();

        // Then: every amount is loaded, or skipped as a footer total that the reader names
        Assert.Empty(stream.Errors);
        var footerAmounts = stream.Notes
            .Select(n => System.Text.RegularExpressions.Regex.Match(n, @"^footer total row \d+ \((-?[\d,]+\.\d+)\)"))
            .Where(m => m.Success)
            .Select(m => decimal.Parse(m.Groups[1].Value, NumberStyles.Number, CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(amounts.Count, lines.Count + footerAmounts.Count);
        Assert.Equal(amounts.Sum(), stream.Total + footerAmounts.Sum());

        Assert.Equal(column + 1, stream.Mapping[ColumnRole.Amount]!.Number);
        Assert.DoesNotContain(stream.Notes, n => n.StartsWith("warning:", StringComparison.Ordinal));
    }
}
