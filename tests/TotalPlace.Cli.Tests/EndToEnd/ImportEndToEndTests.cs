using System.Text;
using System.Text.Json;
using TotalPlace.Cli.Tests.Infrastructure;
using TotalPlace.Testing;

namespace TotalPlace.Cli.Tests.EndToEnd;

/// <summary>The spend verbs run in-process (<see cref="InProcessCli"/>) against a temporary DuckDB file, as a user would.</summary>
public sealed class ImportEndToEndTests : IDisposable
{
    private const string Devon = "E10000008";
    private readonly TempFolder _temp = new();

    private string Store => _temp.File("place.duckdb");

    public void Dispose() => _temp.Dispose();

    private Task<CliResult> ImportDevonAsync(params string[] paths) =>
        InProcessCli.RunAsync(["import", "--store", Store, "--place", Devon, "--agency", "Devon County Council", "--agency-kind", "local-authority", .. paths]);

    private async Task<JsonDocument> MapJsonAsync(string place = Devon, string by = "theme")
    {
        var map = (await InProcessCli.RunAsync("map", "--store", Store, "--place", place, "--by", by, "--source", "transactions", "--format", "json")).ShouldSucceed();
        return JsonDocument.Parse(map.StdOut);
    }

    private async Task<JsonElement> BatchesJsonAsync()
    {
        var batches = (await InProcessCli.RunAsync("batches", "--store", Store, "--format", "json")).ShouldSucceed();
        return JsonDocument.Parse(batches.StdOut).RootElement.Clone();
    }

    [Fact]
    public async Task Import_DevonSample_MapJsonTotalEqualsIndependentSum()
    {
        var (expected, rows) = IndependentTotal.Sum(SampleFiles.Devon202504, "Amount", Encoding.UTF8);

        (await ImportDevonAsync(SampleFiles.Devon202504)).ShouldSucceed();

        using var map = await MapJsonAsync();
        Assert.Equal(expected, map.RootElement.GetProperty("total").GetDecimal());
        Assert.Equal(rows, map.RootElement.GetProperty("lines").GetInt64());
        var themes = map.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(expected, themes.Sum(r => r.GetProperty("amount").GetDecimal()));
        Assert.True(map.RootElement.GetProperty("population").GetInt64() > 0, "Devon's population comes from the bundled ONS list");
    }

    [Fact]
    public async Task Import_MinistryOfJusticeSample_TotalEqualsIndependentSum()
    {
        var (expected, rows) = IndependentTotal.Sum(SampleFiles.MinistryOfJustice, "Amount", IndependentTotal.Windows1252);

        (await InProcessCli.RunAsync("import", "--store", Store, "--place", "E92000001", "--agency", "Ministry of Justice", "--agency-kind", "central-department", SampleFiles.MinistryOfJustice)).ShouldSucceed();

        using var map = await MapJsonAsync("E92000001", "agency");
        Assert.Equal(expected, map.RootElement.GetProperty("total").GetDecimal());
        Assert.Equal(rows, map.RootElement.GetProperty("lines").GetInt64());
    }

    [Fact]
    public async Task Import_SameFileTwice_SecondAddsNothing()
    {
        (await ImportDevonAsync(SampleFiles.Devon202504)).ShouldSucceed();
        using var before = await MapJsonAsync();

        var again = (await ImportDevonAsync(SampleFiles.Devon202504)).ShouldSucceed();

        Assert.Contains("already imported", again.StdOut, StringComparison.Ordinal);
        Assert.Contains("nothing added", again.StdOut, StringComparison.Ordinal);
        using var after = await MapJsonAsync();
        Assert.Equal(before.RootElement.GetProperty("total").GetDecimal(), after.RootElement.GetProperty("total").GetDecimal());
        Assert.Equal(1, (await BatchesJsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Import_BadFile_ExitsNonZeroNamingRowAndColumnAndLeavesStoreUnchanged()
    {
        (await ImportDevonAsync(SampleFiles.Devon202504)).ShouldSucceed();
        using var before = await MapJsonAsync();
        var batchesBefore = (await BatchesJsonAsync()).GetRawText();
        var lines = File.ReadAllLines(SampleFiles.Devon202504).ToList();
        lines[1] = lines[1].Replace("697.00", "six hundred", StringComparison.Ordinal);
        lines[7] = lines[7] + ",extra";
        var bad = _temp.File("devon-bad.csv");
        File.WriteAllLines(bad, lines);

        var result = await ImportDevonAsync(bad);

        Assert.NotEqual(0, result.ExitCode);
        var errorLines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(errorLines);
        Assert.Contains("devon-bad.csv", errorLines[0], StringComparison.Ordinal);
        Assert.Contains("row 2", errorLines[0], StringComparison.Ordinal);
        Assert.Contains("column Amount", errorLines[0], StringComparison.Ordinal);
        Assert.Contains("six hundred", result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
        using var after = await MapJsonAsync();
        Assert.Equal(before.RootElement.GetProperty("total").GetDecimal(), after.RootElement.GetProperty("total").GetDecimal());
        Assert.Equal(batchesBefore, (await BatchesJsonAsync()).GetRawText());
    }

    [Fact]
    public async Task Import_BadFileWithAllowPartial_LoadsValidRowsAndKeepsRejects()
    {
        var lines = File.ReadAllLines(SampleFiles.Devon202504).ToList();
        lines[1] = lines[1].Replace("697.00", "six hundred", StringComparison.Ordinal);
        var bad = _temp.File("devon-partial.csv");
        File.WriteAllLines(bad, lines);
        var (expected, rows) = IndependentTotal.Sum(SampleFiles.Devon202504, "Amount", Encoding.UTF8);

        (await ImportDevonAsync("--allow-partial", bad)).ShouldSucceed();

        using var map = await MapJsonAsync();
        Assert.Equal(expected - 697.00m, map.RootElement.GetProperty("total").GetDecimal());
        Assert.Equal(rows - 1, map.RootElement.GetProperty("lines").GetInt64());
        var batch = (await BatchesJsonAsync())[0];
        Assert.Equal(1, batch.GetProperty("rowsRejected").GetInt32());
    }

    [Fact]
    public async Task Import_Folder_MakesOneBatchPerFile()
    {
        var folder = Directory.CreateDirectory(_temp.File("spend")).FullName;
        File.Copy(SampleFiles.Devon202504, Path.Combine(folder, "april.csv"));
        var lines = File.ReadAllLines(SampleFiles.Devon202504);
        File.WriteAllLines(Path.Combine(folder, "april-first-ten.csv"), lines.Take(11));
        File.WriteAllText(Path.Combine(folder, "readme.txt"), "not a spend file");

        (await ImportDevonAsync(folder)).ShouldSucceed();

        var batches = await BatchesJsonAsync();
        Assert.Equal(2, batches.GetArrayLength());
        Assert.Equal(["april-first-ten.csv", "april.csv"], batches.EnumerateArray().Select(b => b.GetProperty("file").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Import_TableOfDevonSample_MatchesGoldenFile()
    {
        // The import summary depends only on the file and the reader, not on classification rules or the clock.
        var table = (await ImportDevonAsync(SampleFiles.Devon202504)).ShouldSucceed();

        GoldenFile.Assert(table.StdOut, "Expectations/devon-import-table.txt", GoldenText.TrimmedLines);
    }

    [Fact]
    public async Task Map_TableOfDevonSample_ShowsEveryThemeAndTheTotal()
    {
        (await ImportDevonAsync(SampleFiles.Devon202504)).ShouldSucceed();
        using var json = await MapJsonAsync();

        var table = (await InProcessCli.RunAsync("map", "--store", Store, "--place", Devon, "--by", "theme", "--source", "transactions")).ShouldSucceed();

        foreach (var row in json.RootElement.GetProperty("rows").EnumerateArray())
        {
            Assert.Contains(row.GetProperty("themeName").GetString()!, table.StdOut, StringComparison.Ordinal);
        }

        var total = json.RootElement.GetProperty("total").GetDecimal();
        Assert.Contains($"Total {total.ToString("C2", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}", table.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("map")]
    [InlineData("transactions")]
    public async Task MapOrTransactions_PlaceNotInTheStore_FailsWithOneLineNamingThePlace(string verb)
    {
        (await ImportDevonAsync(SampleFiles.Devon202504)).ShouldSucceed();

        var result = await InProcessCli.RunAsync(verb, "--store", Store, "--place", "E06000099");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("There is no place E06000099 in the store", result.StdErr, StringComparison.Ordinal);
        Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("KeyNotFoundException", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesAddThenReclassify_MovesSpendBetweenThemesWithoutChangingTotal()
    {
        (await ImportDevonAsync(SampleFiles.Devon202504)).ShouldSucceed();
        using var before = await MapJsonAsync();

        (await InProcessCli.RunAsync("rules", "add", "--store", Store, "--place", Devon, "--field", "expense-type", "--match", "contains", "--pattern", "Agency Supply Staff", "--theme", "housing")).ShouldSucceed();
        var reclassify = (await InProcessCli.RunAsync("reclassify", "--store", Store, "--place", Devon, "--format", "json")).ShouldSucceed();

        using var after = await MapJsonAsync();
        Assert.Equal(before.RootElement.GetProperty("total").GetDecimal(), after.RootElement.GetProperty("total").GetDecimal());
        Assert.True(JsonDocument.Parse(reclassify.StdOut).RootElement[0].GetProperty("changed").GetInt64() > 0);
        var (agencySupply, _) = (await TransactionsAsync("Agency Supply Staff"));
        var housing = after.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("theme").GetString() == "housing");
        Assert.True(housing.GetProperty("amount").GetDecimal() >= agencySupply, "every Agency Supply Staff line is now housing");
    }

    private async Task<(decimal Total, long Count)> TransactionsAsync(string search)
    {
        var result = (await InProcessCli.RunAsync("transactions", "--store", Store, "--place", Devon, "--search", search, "--page-size", "10000", "--format", "json")).ShouldSucceed();
        var rows = JsonDocument.Parse(result.StdOut).RootElement.EnumerateArray().ToList();
        return (rows.Sum(r => r.GetProperty("amount").GetDecimal()), rows.Count);
    }

    [Fact]
    public async Task Transactions_Paging_PagesCoverEveryLineOnce()
    {
        (await ImportDevonAsync(SampleFiles.Devon202504)).ShouldSucceed();
        using var map = await MapJsonAsync();
        var ids = new List<long>();

        for (var page = 1; page <= 3; page++)
        {
            var result = (await InProcessCli.RunAsync("transactions", "--store", Store, "--place", Devon, "--sort", "amount", "--page", page.ToString(System.Globalization.CultureInfo.InvariantCulture), "--page-size", "100", "--format", "json")).ShouldSucceed();
            ids.AddRange(JsonDocument.Parse(result.StdOut).RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        }

        Assert.Equal(map.RootElement.GetProperty("lines").GetInt64(), ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
