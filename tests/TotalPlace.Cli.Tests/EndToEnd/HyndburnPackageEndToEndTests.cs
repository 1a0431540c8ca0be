using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TotalPlace.Cli.Tests.Infrastructure;
using TotalPlace.Testing;

namespace TotalPlace.Cli.Tests.EndToEnd;

/// <summary>The real place end to end: <c>place import</c> of the shared Hyndburn 2023-24 package, then
/// <c>reconcile --format json</c>. Every expected figure is computed here from the raw files with plain readers that
/// share no code with the product.</summary>
[Trait("Issue", "12")]
public sealed class HyndburnPackageEndToEndTests
{
    private static readonly string Package = SharedData.Hyndburn;

    [Fact]
    public async Task ImportThenReconcile_GivesEachPartnersExactLinesAndPublishedOutturn()
    {
        using var temp = new TempFolder();
        var store = temp.File("hyndburn.duckdb");

        await InProcessCli.RunAsync("place", "import", Package, "--store", store, "--format", "json").ContinueWith(t => t.Result.ShouldSucceed(), TestContext.Current.CancellationToken);
        var again = JsonNode.Parse((await InProcessCli.RunAsync("place", "import", Package, "--store", store, "--format", "json")).ShouldSucceed().StdOut)!;
        var json = JsonNode.Parse((await InProcessCli.RunAsync("reconcile", "--store", store, "--place", "E07000120", "--year", "2023-24", "--format", "json")).ShouldSucceed().StdOut)!;

        Assert.Equal(0, (int)again["batches_added"]!); // re-running adds nothing
        Assert.Equal("E07000120", (string)json["place"]!);
        Assert.Equal("2023-24", (string)json["year"]!);
        Assert.Equal(82_200, (long)json["population"]!);
        var partners = json["partners"]!.AsArray().ToDictionary(p => (string)p!["code"]!, p => p!);

        // Bottom-up: the exact sum of each partner's lines, read independently from the raw files.
        Assert.Equal(HyndburnCsvTotal(), (decimal)partners["E07000120"]["transactions_total"]!);
        Assert.Equal(WorkbookTotal("lancashire-pcc/pcc-2023-24.xlsx", "TOTAL"), (decimal)partners["E23000003"]["transactions_total"]!);
        Assert.Equal(WorkbookTotal("lancashire-fire-rescue/fire-2023-24.xlsx", "Amount"), (decimal)partners["E31000023"]["transactions_total"]!);
        Assert.Null(partners["E10000017"]["transactions_total"]); // the county publishes no lines in the package

        // Top-down: the outturn as published (RSX total service expenditure, £ thousand → pounds) and the RA budget.
        foreach (var code in new[] { "E07000120", "E10000017", "E23000003", "E31000023" })
        {
            Assert.Equal(MhclgCell("RSX_2023-24_data_by_LA.csv", code, "RSX-totsx-tot-exp") * 1000m, (decimal)partners[code]["outturn_gross"]!);
            Assert.Equal(MhclgCell("RSX_2023-24_data_by_LA.csv", code, "RSX-totsx-net-cur-exp") * 1000m, (decimal)partners[code]["outturn_net"]!);
            Assert.Equal(MhclgCell("RA_2023-24_data_Part_1.csv", code, "servicetot") * 1000m, (decimal)partners[code]["budget_net"]!);
            Assert.Equal(12, code == "E10000017" ? 12 : (int)partners[code]["months_loaded"]!);
        }

        // Shares with their basis; coverage; reasons named.
        Assert.Equal(82_200m / 1_235_300m, (decimal)partners["E10000017"]["share"]!);
        Assert.Contains("population", (string)partners["E10000017"]["share_basis"]!, StringComparison.Ordinal);
        var hyndburn = partners["E07000120"];
        Assert.Equal(Math.Round((decimal)hyndburn["transactions_total"]! / (decimal)hyndburn["outturn_gross"]!, 4, MidpointRounding.ToEven), (decimal)hyndburn["coverage"]!);
        var reasons = hyndburn["reasons"]!.AsArray().Select(r => (string)r!).ToList();
        Assert.Contains(reasons, r => r.StartsWith("reporting threshold", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("pay and pensions not published line by line", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("income netting", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("capital vs revenue", StringComparison.Ordinal));

        // Totals add up: top-down is the sum of the shared parts less what was taken out, and so is bottom-up.
        var eliminated = (decimal)json["eliminated"]!;
        Assert.Equal(partners.Values.Sum(p => (decimal)p["top_down"]!) - eliminated, (decimal)json["total_top_down"]!);
        // Bottom-up takes out only flows to partners whose own lines are counted (the county publishes none).
        Assert.Equal(partners.Values.Sum(p => (decimal)p["bottom_up"]!) - (decimal)json["eliminated_bottom_up"]!, (decimal)json["total_bottom_up"]!);
        Assert.Equal(json["flows"]!.AsArray().Sum(f => (decimal)f!["eliminated"]!), eliminated);
        Assert.Equal(json["flows"]!.AsArray().Sum(f => (decimal)f!["eliminated_bottom_up"]!), (decimal)json["eliminated_bottom_up"]!);

        // The council's payments to the county, found by supplier name in the raw CSVs, are one of the flows taken out.
        var councilToCounty = json["flows"]!.AsArray().Single(f => (string)f!["payer"]! == "Hyndburn Borough Council" && (string)f!["payee"]! == "Lancashire County Council");
        Assert.Equal(HyndburnCsvTotal("Lancashire County Council"), (decimal)councilToCounty!["amount"]!);
    }

    private static decimal HyndburnCsvTotal(string? supplier = null)
    {
        var total = 0m;
        foreach (var path in Directory.GetFiles(Path.Combine(Package, "hyndburn-borough-council"), "*.csv"))
        {
            var bytes = File.ReadAllBytes(path);
            var utf8 = bytes.Length > 2 && bytes[0] == 0xEF && bytes[1] == 0xBB;
            var text = (utf8 ? Encoding.UTF8 : IndependentTotal.Windows1252).GetString(bytes);
            var records = PlainCsv.Records(text);
            var header = records.FindIndex(r => r.Any(c => c.Trim().StartsWith("Net Amount", StringComparison.Ordinal) || c.Trim() == "Amount Paid"));
            var amount = records[header].FindIndex(c => c.Trim().StartsWith("Net Amount", StringComparison.Ordinal) || c.Trim() == "Amount Paid");
            var name = records[header].FindIndex(c => c.Trim().StartsWith("Name", StringComparison.Ordinal));
            foreach (var record in records.Skip(header + 1).Where(r => r.Count > amount && !string.IsNullOrWhiteSpace(r[amount])))
            {
                if (supplier is not null && !string.Equals(record[name].Trim(), supplier, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                total += Pounds(record[amount]);
            }
        }

        return total;
    }

    private static decimal Pounds(string text)
    {
        var clean = new string([.. text.Where(c => char.IsAsciiDigit(c) || c is '.' or '-')]);
        return decimal.Parse(clean, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    /// <summary>Sums a column over every sheet of a workbook, each cell snapped to the penny (the cells hold binary
    /// float residue such as 9533.910000000003).</summary>
    private static decimal WorkbookTotal(string relative, string amountHeader)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var stream = File.OpenRead(Path.Combine(Package, relative));
        using var reader = ExcelDataReader.ExcelReaderFactory.CreateReader(stream);
        var total = 0m;
        do
        {
            var column = -1;
            while (reader.Read())
            {
                if (column < 0)
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        if (reader.GetValue(i) is string h && h.Replace("*", string.Empty, StringComparison.Ordinal).Trim() == amountHeader)
                        {
                            column = i;
                        }
                    }

                    continue;
                }

                if (reader.GetValue(column) is double d)
                {
                    total += Math.Round((decimal)d, 2, MidpointRounding.ToEven);
                }
            }
        }
        while (reader.NextResult());
        return total;
    }

    /// <summary>The cell of an MHCLG CSV return for a body (by its "ONS Code") and a column (by its asset code in the code row), £ thousand.</summary>
    private static decimal MhclgCell(string file, string bodyCode, string assetCode)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Package, "mhclg", file));
        var text = bytes[0] == 0xEF ? Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3) : IndependentTotal.Windows1252.GetString(bytes);
        var records = PlainCsv.Records(text);
        var column = records.First(r => r.Contains(assetCode)).IndexOf(assetCode);
        var row = records.First(r => r.Count > 1 && r[1] == bodyCode);
        return Pounds(row[column]);
    }
}
