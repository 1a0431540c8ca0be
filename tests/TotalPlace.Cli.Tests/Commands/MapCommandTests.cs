using System.Text.Json;
using Spectre.Console.Testing;
using TotalPlace.Cli.Commands.Spend;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Core;
using TotalPlace.Storage;
using TotalPlace.Testing;

namespace TotalPlace.Cli.Tests.Commands;

public sealed class MapCommandTests
{
    private static readonly MapDimension[] s_themeAndAgency = [MapDimension.Theme, MapDimension.Agency];

    private static PlaceMap SampleMap()
    {
        MapRow[] rows =
        [
            new("children-young-people", "Manchester City Council", null, null, 1_234_567.89m, 1200, 2.26m),
            new("health-social-care", "NHS Manchester", null, null, 9_876_543.21m, 800, 18.08m),
            new("unclassified", "Greater Manchester Police", null, null, -512.50m, 1, 0m),
        ];
        return new PlaceMap("E08000003", rows.Sum(r => r.Amount), 546_400, rows);
    }

    [Fact]
    public void Render_Table_MatchesGoldenFile()
    {
        var console = new TestConsole().Width(120);

        MapCommand.Render(console, OutputFormat.Table, SampleMap(), s_themeAndAgency, "2009-10");

        GoldenFile.Assert(console.Output, "Expectations/map-table.txt", GoldenText.TrimmedLines);
    }

    [Fact]
    public void Render_Csv_MatchesGoldenFile()
    {
        var console = new TestConsole().Width(40);

        MapCommand.Render(console, OutputFormat.Csv, SampleMap(), s_themeAndAgency, null);

        GoldenFile.Assert(console.Output, "Expectations/map.csv.txt", GoldenText.TrimmedLines);
    }

    [Fact]
    public void Render_Json_TotalIsExactDecimalAndRowsSumToIt()
    {
        var console = new TestConsole().Width(40);
        var map = SampleMap();

        MapCommand.Render(console, OutputFormat.Json, map, s_themeAndAgency, "2009-10");

        using var json = JsonDocument.Parse(console.Output);
        var total = json.RootElement.GetProperty("total").GetDecimal();
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(map.Total, total);
        Assert.Equal(total, rows.Sum(r => r.GetProperty("amount").GetDecimal()));
        Assert.Equal("2009-10", json.RootElement.GetProperty("year").GetString());
        Assert.Equal(map.Rows[0].Theme, rows[0].GetProperty("theme").GetString());
        Assert.False(rows[0].TryGetProperty("year", out _), "ungrouped dimensions are left out of each row");
    }

    [Theory]
    [InlineData("theme", new[] { MapDimension.Theme })]
    [InlineData("theme,agency,year,funding", new[] { MapDimension.Theme, MapDimension.Agency, MapDimension.Year, MapDimension.Funding })]
    [InlineData(" Year , THEME ", new[] { MapDimension.Year, MapDimension.Theme })]
    public void ParseDimensions_ValidList_KeepsOrder(string by, MapDimension[] expected)
    {
        var parsed = MapSettings.ParseDimensions(by, out var error);

        Assert.Null(error);
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("theme,colour", "'colour' is not a dimension")]
    [InlineData("theme,theme", "names 'theme' twice")]
    public void ParseDimensions_BadList_SaysWhy(string by, string expected)
    {
        MapSettings.ParseDimensions(by, out var error);

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_YearNotAFiscalYear_Fails()
    {
        var settings = new MapSettings { Place = "E08000003", Year = "2009" };

        var result = settings.Validate();

        Assert.False(result.Successful);
        Assert.Contains("2009-10", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FiscalYearFromCore_Succeeds()
    {
        var settings = new MapSettings { Place = "e08000003", Year = FiscalYear.StartingIn(2009).ToString() };

        Assert.True(settings.Validate().Successful);
    }
}
