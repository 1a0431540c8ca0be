using System.Globalization;
using System.Text;
using System.Text.Json;
using TotalPlace.Cli.Tests.Infrastructure;

namespace TotalPlace.Cli.Tests.Import;

/// <summary>The import bounds DuckDB's memory (TOTALPLACE_DUCKDB_MEMORY_LIMIT, 256MB by default) so a bulk load's memory
/// stays flat; a limit changes how much DuckDB caches, never what is stored, and a mistyped one is refused before any
/// store is touched.</summary>
public sealed class ImportMemoryLimitTests : IDisposable
{
    private const string Manchester = "E08000003";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("64MB")]
    [InlineData("default")]
    public async Task AnyLimit_StoresEveryLineAndTheExactTotal(string limit)
    {
        var (file, lines, total) = WriteSpendFile(20_000);
        var store = _temp.File($"limit-{limit}.duckdb");

        var run = (await CliRunner.RunWithAsync(null, new Dictionary<string, string> { ["TOTALPLACE_DUCKDB_MEMORY_LIMIT"] = limit },
            "import", file, "--place", Manchester, "--agency", "Council", "--store", store, "--format", "json")).ShouldSucceed();

        using var json = JsonDocument.Parse(run.StdOut);
        var batch = json.RootElement.GetProperty("files").EnumerateArray().Single();
        Assert.Equal("imported", batch.GetProperty("outcome").GetString());
        Assert.Equal(lines, batch.GetProperty("rowsLoaded").GetInt32());
        Assert.Equal(total, batch.GetProperty("total").GetDecimal());
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("256")]
    [InlineData("256MB;threads=64")]
    public async Task AMistypedLimit_IsAUsageErrorInOneLine_AndNoStoreIsCreated(string limit)
    {
        var (file, _, _) = WriteSpendFile(10);
        var store = _temp.File("never.duckdb");

        var run = await CliRunner.RunWithAsync(null, new Dictionary<string, string> { ["TOTALPLACE_DUCKDB_MEMORY_LIMIT"] = limit },
            "import", file, "--place", Manchester, "--agency", "Council", "--store", store);

        Assert.Equal(2, run.ExitCode);
        var message = Assert.Single(run.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("TOTALPLACE_DUCKDB_MEMORY_LIMIT", message, StringComparison.Ordinal);
        Assert.Contains(limit, message, StringComparison.Ordinal);
        Assert.False(File.Exists(store));
    }

    private (string Path, int Lines, decimal Total) WriteSpendFile(int lines)
    {
        var text = new StringBuilder("Body Name,Date,Transaction Number,Amount,Supplier Name,Expense Type,Description\n");
        var total = 0m;
        for (var i = 0; i < lines; i++)
        {
            var amount = 500m + (i * 37 % 100_000) + (i % 100 / 100m);
            total += amount;
            var date = new DateOnly(2024, 4, 1).AddDays(i % 365);
            text.Append(CultureInfo.InvariantCulture, $"Manchester City Council,{date:dd/MM/yyyy},T{i:D7},{amount.ToString(CultureInfo.InvariantCulture)},Supplier {i % 500},Professional Services,Line {i}\n");
        }

        var path = _temp.File($"spend-{lines}.csv");
        File.WriteAllText(path, text.ToString());
        return (path, lines, total);
    }
}
