using System.Globalization;
using System.Text;
using TotalPlace.Application.Places;
using TotalPlace.Core;
using TotalPlace.Core.Counting;
using TotalPlace.Storage;
using TotalPlace.Testing;

namespace TotalPlace.Application.Tests.Places;

/// <summary>The official returns a package brings are what the map counts top-down: after importing the Hyndburn
/// package, the place map for 2023-24 totals the reconciliation's top-down count, each partner's map figure is its
/// share of its published gross outturn (read here from the RSX file), and re-importing or re-classifying changes
/// nothing.</summary>
[Trait("Issue", "12")]
public sealed class HyndburnTopDownMapTests(DuckDbFileFixture fixture) : IClassFixture<DuckDbFileFixture>
{
    private const string Place = "E07000120";
    private static readonly FiscalYear Year = FiscalYear.Parse("2023-24");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportedPackage_MapCountsTheStatementsTopDown_ToThePenny()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var importer = new ImportPlacePackage(TimeProvider.System);
        var plan = await importer.PlanAsync(SharedData.Hyndburn, store, "test", Ct);
        Assert.True(plan.CanImport, string.Join("; ", plan.Issues.Where(i => i.IsError)));
        await ImportPlacePackage.CommitAsync(plan, store, Ct);

        var count = await ReconcilePlace.RunAsync(store, Place, Year, Ct);
        var map = await store.Spend.MapAsync(new MapQuery(Place, [MapDimension.Agency, MapDimension.Source], Year), Ct);
        Assert.NotNull(count);
        Assert.Equal(count.TotalTopDown, map.Total);

        // Each partner with a return is counted from statements, at its share of the RSX gross total as published.
        foreach (var (code, name, numerator, denominator) in new[]
                 {
                     ("E07000120", "Hyndburn Borough Council", 82_200m, 82_200m),
                     ("E10000017", "Lancashire County Council", 82_200m, 1_235_300m),
                     ("E23000003", "Lancashire Police and Crime Commissioner and Chief Constable", 82_200m, 1_531_200m),
                     ("E31000023", "Lancashire Combined Fire Authority", 82_200m, 1_531_200m),
                 })
        {
            var expected = Math.Round(RsxCell(code, "RSX-totsx-tot-exp") * 1000m * (numerator / denominator), 2, MidpointRounding.ToEven);
            var rows = map.Rows.Where(r => r.Agency == name).ToList();
            Assert.All(rows, r => Assert.Equal("statements", r.Source));
            Assert.Equal(expected, rows.Sum(r => r.Amount));
        }

        // The flows taken out appear under their own agency, negative, equal to what the reconciliation took out.
        Assert.Equal(-count.Eliminated, map.Rows.Where(r => r.Agency == TopDownCount.FlowsAgency).Sum(r => r.Amount));

        // The derived aliases find the council's payments to "Lancashire Police Authority" (read from the raw CSVs).
        var police = count.Flows.Single(f => f.PayerName == "Hyndburn Borough Council" && f.PayeeKey == "lancashire-pcc");
        Assert.Equal(HyndburnCsvTotal("Lancashire Police Authority"), police.Amount);

        // The ICB counts nothing either way, so what the police paid it is listed but not taken out.
        Assert.All(count.Flows.Where(f => f.PayeeKey == "lsc-icb"), f => Assert.Equal(0m, f.Eliminated + f.EliminatedFromLines));

        // Again: nothing added. Re-classifying leaves the returns' themes where the service lines put them.
        var batches = (await store.Spend.ListBatchesAsync(Place, Ct)).Count;
        var again = await ImportPlacePackage.CommitAsync(await importer.PlanAsync(SharedData.Hyndburn, store, "test", Ct), store, Ct);
        Assert.True(again.AddedNothing);
        Assert.Equal(batches, (await store.Spend.ListBatchesAsync(Place, Ct)).Count);
        var byTheme = await store.Spend.MapAsync(new MapQuery(Place, [MapDimension.Theme], Year, Source: MapSource.Statements), Ct);
        await store.Places.ReclassifyAsync(Place, Ct);
        var after = await store.Spend.MapAsync(new MapQuery(Place, [MapDimension.Theme], Year, Source: MapSource.Statements), Ct);
        Assert.Equal(byTheme.Rows.OrderBy(r => r.Theme).Select(r => (r.Theme, r.Amount)), after.Rows.OrderBy(r => r.Theme).Select(r => (r.Theme, r.Amount)));
        Assert.Equal(count.TotalTopDown, after.Total);
    }

    private static decimal HyndburnCsvTotal(string supplier)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var total = 0m;
        foreach (var path in Directory.GetFiles(Path.Combine(SharedData.Hyndburn, "hyndburn-borough-council"), "*.csv"))
        {
            var bytes = File.ReadAllBytes(path);
            var utf8 = bytes.Length > 2 && bytes[0] == 0xEF && bytes[1] == 0xBB;
            var records = PlainCsv.Records((utf8 ? Encoding.UTF8 : Encoding.GetEncoding(1252)).GetString(bytes));
            var header = records.FindIndex(r => r.Any(c => c.Trim().StartsWith("Net Amount", StringComparison.Ordinal) || c.Trim() == "Amount Paid"));
            var amount = records[header].FindIndex(c => c.Trim().StartsWith("Net Amount", StringComparison.Ordinal) || c.Trim() == "Amount Paid");
            var name = records[header].FindIndex(c => c.Trim().StartsWith("Name", StringComparison.Ordinal));
            total += records.Skip(header + 1)
                .Where(r => r.Count > Math.Max(amount, name) && string.Equals(r[name].Trim(), supplier, StringComparison.OrdinalIgnoreCase))
                .Sum(r => Pounds(r[amount]));
        }

        return total;
    }

    private static decimal Pounds(string text)
    {
        var clean = new string([.. text.Where(c => char.IsAsciiDigit(c) || c is '.' or '-')]);
        return decimal.Parse(clean, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    private static decimal RsxCell(string bodyCode, string assetCode)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = File.ReadAllBytes(Path.Combine(SharedData.Hyndburn, "mhclg", "RSX_2023-24_data_by_LA.csv"));
        var text = bytes[0] == 0xEF ? Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3) : Encoding.GetEncoding(1252).GetString(bytes);
        var records = PlainCsv.Records(text);
        var column = records.First(r => r.Contains(assetCode)).IndexOf(assetCode);
        var row = records.First(r => r.Count > 1 && r[1] == bodyCode);
        return Pounds(row[column]);
    }
}
