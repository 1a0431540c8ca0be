using System.Globalization;
using System.Text;
using System.Text.Json;
using TotalPlace.Cli.Tests.Infrastructure;
using TotalPlace.Storage;
using TotalPlace.Storage.Waste;

namespace TotalPlace.Cli.Tests.Waste;

/// <summary><c>totalplace waste --format json</c> run in-process, on a store imported from a file this test
/// writes: every planted duplicate is listed with both of its lines exactly as they were in the file, nothing else is
/// reported, and the JSON holds every finding of the default view, more than the table's 50.</summary>
public sealed class WasteJsonTests
{
    private const string Place = "E08000009";
    private const string Agency = "Trafford Council";
    private const string FileName = "trafford-spend.csv";

    // More than the table's top 50, so a cap would show.
    private const int Planted = 60;

    /// <summary>One line of the test's file, as written: the expected values are these, not the product's output.</summary>
    private sealed record Line(int Row, DateOnly Date, decimal Amount, string Supplier, string Invoice, string Transaction);

    [Fact]
    public async Task WasteJson_PlantedDuplicates_EachListedWithBothLinesAsImportedAndNoCap()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "place.duckdb");
        var file = Path.Combine(folder.Path, FileName);
        var (csv, pairs) = SpendFile();
        await File.WriteAllTextAsync(file, csv, TestContext.Current.CancellationToken);
        (await InProcessCli.RunAsync("import", "--store", store, "--place", Place, "--agency", Agency, "--agency-kind", "local-authority", file)).ShouldSucceed();

        var run = await InProcessCli.RunAsync("waste", "--store", store, "--place", Place, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.StdOut); // nothing but the JSON on stdout: no progress bar
        var findings = json.RootElement.EnumerateArray().ToList();
        var duplicates = findings.Where(f => f.GetProperty("kind").GetString() == "duplicate payment").ToList();
        Assert.Equal(Planted, duplicates.Count);
        var found = new HashSet<int>();
        foreach (var finding in duplicates)
        {
            Assert.True(finding.GetProperty("score").GetDouble() >= 0.6);
            var lines = finding.GetProperty("lines").EnumerateArray().ToList();
            Assert.Equal(2, lines.Count);
            var rows = lines.Select(l => l.GetProperty("row").GetInt32()).Order().ToArray();
            var pair = Assert.Single(pairs, p => p.First.Row == rows[0] && p.Second.Row == rows[1]);
            found.Add(pair.First.Row);
            foreach (var shown in lines)
            {
                var expected = shown.GetProperty("row").GetInt32() == pair.First.Row ? pair.First : pair.Second;
                Assert.Equal(FileName, shown.GetProperty("file").GetString());
                Assert.Equal(expected.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), shown.GetProperty("date").GetString());
                Assert.Equal(expected.Amount, shown.GetProperty("amount").GetDecimal());
                Assert.Equal(expected.Supplier, shown.GetProperty("supplier").GetString());
                Assert.Equal(expected.Invoice, shown.GetProperty("invoice_number").GetString());
                Assert.Equal(expected.Transaction, shown.GetProperty("transaction_number").GetString());
            }

            // The money at stake of a duplicate is the amount paid twice.
            Assert.Equal(pair.First.Amount, finding.GetProperty("money_at_stake").GetDecimal());
        }

        Assert.Equal(Planted, found.Count);

        // Every finding of the default view (open and confirmed, all pages), in its order: no silent cap.
        await using (var opened = await PlaceStore.OpenDuckDbAsync(store, TestContext.Current.CancellationToken))
        {
            var view = await opened.Waste.ListFindingsAsync(Place, new WasteFindingQuery { PageSize = 0 }, TestContext.Current.CancellationToken);
            Assert.Equal(view.TotalCount, findings.Count);
            Assert.Equal(view.Items.Select(f => f.Key), findings.Select(f => f.GetProperty("key").GetString()));
        }

        // The table shows the top 50 and says how many there are.
        var table = await InProcessCli.RunAsync("waste", "--store", store, "--place", Place);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains($"50 of {findings.Count} findings shown", table.StdOut, StringComparison.Ordinal);
    }

    /// <summary>A council's month with invoice numbers: 60 bills each paid twice under a new transaction number 0-3
    /// days later (every fourth with two adjacent digits of the invoice number swapped), among single payments, a bill
    /// credited and paid again, and two same-day payments of one amount on different invoices (not duplicates).</summary>
    private static (string Csv, List<(Line First, Line Second)> Pairs) SpendFile()
    {
        var text = new StringBuilder("Date,Transaction Number,Invoice Number,Amount,Supplier Name,Expense Type,Expense Area,Description\n");
        var row = 1;
        var transaction = 900_000;
        var pairs = new List<(Line, Line)>();
        var start = new DateOnly(2026, 5, 1);
        Line Write(DateOnly date, decimal amount, string supplier, string invoice)
        {
            var line = new Line(++row, date, amount, supplier, invoice, "T" + (++transaction).ToString(CultureInfo.InvariantCulture));
            text.Append(CultureInfo.InvariantCulture, $"{date:dd/MM/yyyy},{line.Transaction},{invoice},{amount.ToString("0.00", CultureInfo.InvariantCulture)},{supplier},Supplies and services,Children's services,Order {row}\n");
            return line;
        }

        string[] trades = ["Care", "Catering", "Cleaning", "Transport", "Consulting", "Security"];
        for (var i = 0; i < Planted; i++)
        {
            var supplier = $"{trades[i % trades.Length].ToUpperInvariant()} PROVIDER {(char)('A' + (i % 26))}{(char)('A' + (i / 26))} LTD";
            var invoice = (58_213 + (i * 977)).ToString(CultureInfo.InvariantCulture);
            var amount = 1_000m + (i * 137.41m);
            var date = start.AddDays(i % 20);
            var first = Write(date, amount, supplier, invoice);
            // A single payment of the same supplier in between, on its own bill.
            Write(date.AddDays(1), amount + 250m, supplier, (70_000 + i).ToString(CultureInfo.InvariantCulture));
            var again = i % 4 == 3 ? invoice[..^2] + invoice[^1] + invoice[^2] : invoice;
            var second = Write(date.AddDays(i % 4), amount, supplier, again);
            pairs.Add((first, second));
        }

        // Near-misses: a bill credited and paid again; two same-day payments of one amount on different invoices.
        Write(start, 4_321.09m, "ORCHARD ROOFING LTD", "R-1001");
        Write(start.AddDays(2), -4_321.09m, "ORCHARD ROOFING LTD", "R-1001");
        Write(start.AddDays(5), 4_321.09m, "ORCHARD ROOFING LTD", "R-1001");
        Write(start.AddDays(7), 845.00m, "MEADOW TAXIS LTD", "MT-55102");
        Write(start.AddDays(7), 845.00m, "MEADOW TAXIS LTD", "MT-55187");
        return (text.ToString(), pairs);
    }
}
