using nietras.SeparatedValues;

namespace TotalPlace.Web.Tests.Security;

/// <summary>Formula injection through the web's CSV exports: a supplier a spreadsheet would run as a formula is
/// written as text, while negative amounts stay numbers.</summary>
[Collection(HostileDataCollection.Name)]
[Trait("Issue", "15")]
public sealed class CsvExportInjectionTests(HostileDataAppFixture app)
{
    [Fact]
    public async Task TransactionsCsv_SupplierStartingWithEquals_IsWrittenAsText()
    {
        var csv = await app.Client.GetStringAsync(
            $"/Transactions?place={HostileDataAppFixture.PlaceCode}&batch={app.HostileBatch.Id}&handler=export&table=transactions&format=csv",
            TestContext.Current.CancellationToken);

        using var reader = Sep.Reader(o => o with { Unescape = true }).FromText(csv.TrimStart('\uFEFF'));
        var cells = new List<string>();
        foreach (var row in reader)
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                cells.Add(row[i].ToString());
            }
        }

        var formula = HostileDataAppFixture.Payloads[^1];
        Assert.Contains("'" + formula, cells);
        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '@' && !decimal.TryParse(c, System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.DoesNotContain(cells, c => c.StartsWith('-') && !decimal.TryParse(c, System.Globalization.CultureInfo.InvariantCulture, out _));
    }
}
