using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using nietras.SeparatedValues;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Appraisal;

/// <summary>POST /api/appraisals/export: the downloaded workbook and CSVs hold the same figures as POST /api/appraisals.</summary>
[Collection(WebCollection.Name)]
public sealed class AppraisalExportTests(WebAppFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<JsonElement> ReportAsync()
    {
        using var response = await app.Client.PostAsync("/api/appraisals", Json(SampleProposals.Jsa()), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Token);
    }

    private async Task<byte[]> ExportAsync(string query)
    {
        using var response = await app.Client.PostAsync($"/api/appraisals/export?{query}", Json(SampleProposals.Jsa()), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(Token);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static List<Dictionary<string, string>> Csv(byte[] bytes)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromText(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
        var header = reader.Header.ColNames;
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in reader)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in header)
            {
                values[name] = row[name].ToString();
            }

            rows.Add(values);
        }

        return rows;
    }

    private static decimal Dec(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [Fact]
    public async Task ExportCsv_ByAgency_EqualsTheApisFiguresExactly()
    {
        var report = await ReportAsync();

        var rows = Csv(await ExportAsync("format=csv&table=by-agency"));

        var expected = report.GetProperty("byAgency").EnumerateArray().ToList();
        Assert.Equal(expected.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(expected[i].GetProperty("agency").GetString(), rows[i]["Agency"]);
            Assert.Equal(expected[i].GetProperty("pvCosts").GetDecimal(), Dec(rows[i]["PV costs"]));
            Assert.Equal(expected[i].GetProperty("pvFiscalBenefits").GetDecimal(), Dec(rows[i]["PV fiscal benefits"]));
            Assert.Equal(expected[i].GetProperty("pvFiscalCashable").GetDecimal(), Dec(rows[i]["of which cashable"]));
            Assert.Equal(expected[i].GetProperty("netFiscal").GetDecimal(), Dec(rows[i]["Net"]));
        }
    }

    [Fact]
    public async Task ExportCsv_CashFlowsAndSensitivity_EqualTheApisFiguresExactly()
    {
        var report = await ReportAsync();

        var years = Csv(await ExportAsync("format=csv&table=years"));
        var sensitivity = Csv(await ExportAsync("format=csv&table=sensitivity"));

        var expectedYears = report.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal(expectedYears.Count, years.Count);
        for (var i = 0; i < years.Count; i++)
        {
            Assert.Equal(expectedYears[i].GetProperty("fiscalYear").GetString(), years[i]["Year"]);
            Assert.Equal(expectedYears[i].GetProperty("costs").GetDecimal(), Dec(years[i]["Costs"]));
            Assert.Equal(expectedYears[i].GetProperty("fiscal").GetDecimal(), Dec(years[i]["Fiscal benefits"]));
            Assert.Equal(expectedYears[i].GetProperty("cumulativeDiscountedFiscalNet").GetDecimal(), Dec(years[i]["Cumulative discounted fiscal net"]));
        }

        var bars = report.GetProperty("sensitivity").EnumerateArray().ToList();
        Assert.NotEmpty(bars);
        Assert.Equal(bars.Count, sensitivity.Count);
        var switching = report.GetProperty("switchingValues").EnumerateArray()
            .ToDictionary(s => s.GetProperty("path").GetString()!, s => s.GetProperty("value"), StringComparer.Ordinal);
        for (var i = 0; i < bars.Count; i++)
        {
            var path = bars[i].GetProperty("path").GetString()!;
            Assert.Equal(path, sensitivity[i]["Input"]);
            Assert.Equal(bars[i].GetProperty("npvFiscalAtLow").GetDecimal(), Dec(sensitivity[i]["Fiscal NPV at low"]));
            Assert.Equal(bars[i].GetProperty("npvFiscalAtHigh").GetDecimal(), Dec(sensitivity[i]["Fiscal NPV at high"]));
            var value = switching.TryGetValue(path, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : (decimal?)null;
            Assert.Equal(value, sensitivity[i]["Switching value"].Length == 0 ? null : Dec(sensitivity[i]["Switching value"]));
        }
    }

    [Fact]
    public async Task ExportXlsx_Workbook_HoldsTheApisSummaryByAgencyCashFlowsAndSensitivity()
    {
        var report = await ReportAsync();
        var path = Path.Combine(app.Folder, "appraisal-export.xlsx");
        await File.WriteAllBytesAsync(path, await ExportAsync("format=xlsx"), Token);

        Assert.Equal(["Summary", "Inputs", "Calculations", "By agency", "Trace", "Sensitivity"], MiniExcel.GetSheetNames(path));
        // Excel holds numbers as doubles: compared to the penny.
        static decimal Pennies(object? value) => Math.Round(Convert.ToDecimal(value, CultureInfo.InvariantCulture), 2);
        Assert.Equal(Math.Round(report.GetProperty("npvFiscal").GetDecimal(), 2), Pennies(WorkbookCells.Beside(path, "Summary", "Fiscal NPV")));
        Assert.Equal(Math.Round(report.GetProperty("pvCosts").GetDecimal(), 2), Pennies(WorkbookCells.Beside(path, "Summary", "PV costs")));
        Assert.Equal(Math.Round(report.GetProperty("roiFiscal").GetDecimal(), 6), Math.Round(Convert.ToDecimal(WorkbookCells.Beside(path, "Summary", "Fiscal ROI (£ per £1 of cost)"), CultureInfo.InvariantCulture), 6));

        var agencies = WorkbookCells.Table(path, "By agency", "Agency").Where(r => (string?)r["Agency"] != "Total").ToList();
        var expectedAgencies = report.GetProperty("byAgency").EnumerateArray().ToList();
        Assert.Equal(expectedAgencies.Select(a => a.GetProperty("agency").GetString()), agencies.Select(r => (string?)r["Agency"]));
        Assert.Equal(expectedAgencies.Select(a => Math.Round(a.GetProperty("netFiscal").GetDecimal(), 2)), agencies.Select(r => Pennies(r["Net £"])));

        var expectedYears = report.GetProperty("years").EnumerateArray().ToList();
        var years = WorkbookCells.Table(path, "Calculations", "Discounted fiscal net £").Take(expectedYears.Count).ToList();
        Assert.Equal(expectedYears.Select(y => Math.Round(y.GetProperty("discountedFiscalNet").GetDecimal(), 2)), years.Select(r => Pennies(r["Discounted fiscal net £"])));

        var sensitivity = MiniExcel.Query(path, useHeaderRow: true, sheetName: "Sensitivity").Cast<IDictionary<string, object?>>().ToList();
        var bars = report.GetProperty("sensitivity").EnumerateArray().ToList();
        Assert.Equal(bars.Select(b => b.GetProperty("path").GetString()), sensitivity.Select(r => (string?)r["Input"]));
        Assert.Equal(bars.Select(b => Math.Round(b.GetProperty("npvFiscalAtHigh").GetDecimal(), 2)), sensitivity.Select(r => Pennies(r["Fiscal NPV at high"])));
    }

    [Fact]
    public async Task ExportCsv_UnknownTable_ReturnsAValidationProblem()
    {
        using var response = await app.Client.PostAsync("/api/appraisals/export?format=csv&table=nope", Json(SampleProposals.Jsa()), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(problem.GetProperty("errors").TryGetProperty("table", out _), problem.ToString());
    }
}
