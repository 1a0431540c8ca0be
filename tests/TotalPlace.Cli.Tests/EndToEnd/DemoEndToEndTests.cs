using System.Text.Json;
using TotalPlace.Cli.Tests.Infrastructure;

namespace TotalPlace.Cli.Tests.EndToEnd;

public sealed class DemoEndToEndTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Demo_SmallBuild_MapsThePlaceAndReconciles()
    {
        var store = _temp.File("demo.duckdb");

        var demo = (await InProcessCli.RunAsync("demo", "--store", store, "--lines-per-year", "2000", "--years", "2", "--format", "json")).ShouldSucceed();

        var items = JsonDocument.Parse(demo.StdOut).RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("item").GetString()!, e => e.GetProperty("value").GetString());
        Assert.StartsWith("E11000001", items["Place"], StringComparison.Ordinal);
        var places = (await InProcessCli.RunAsync("places", "--store", store, "--format", "json")).ShouldSucceed();
        Assert.Contains("E11000001", places.StdOut, StringComparison.Ordinal);
        var map = (await InProcessCli.RunAsync("map", "--store", store, "--place", "E11000001", "--by", "theme,agency,year", "--source", "transactions", "--format", "json")).ShouldSucceed();
        using var json = JsonDocument.Parse(map.StdOut);
        var total = json.RootElement.GetProperty("total").GetDecimal();
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.True(rows.Count > 10, "a dozen partners across themes and two years give many groups");
        Assert.Equal(total, rows.Sum(r => r.GetProperty("amount").GetDecimal()));
        var batches = JsonDocument.Parse((await InProcessCli.RunAsync("batches", "--store", store, "--format", "json")).ShouldSucceed().StdOut).RootElement;
        var transactionBatches = batches.EnumerateArray().Where(b => b.GetProperty("kind").GetString() == "transactions").ToList();
        Assert.Equal(total, transactionBatches.Sum(b => b.GetProperty("total").GetDecimal()));
    }

    [Fact]
    public async Task Demo_RunTwice_AddsNoBatchesSecondTime()
    {
        var store = _temp.File("demo.duckdb");
        (await InProcessCli.RunAsync("demo", "--store", store, "--lines-per-year", "500", "--years", "1")).ShouldSucceed();

        var again = (await InProcessCli.RunAsync("demo", "--store", store, "--lines-per-year", "500", "--years", "1", "--format", "csv")).ShouldSucceed();

        Assert.Contains("Batches added,0", again.StdOut, StringComparison.Ordinal);
    }
}
