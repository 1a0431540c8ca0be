using System.Runtime.CompilerServices;
using System.Text.Json;
using MiniExcelLibs;
using Spectre.Console.Cli.Testing;
using TotalPlace.Cli.Commands;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Core.Appraisal;

namespace TotalPlace.Cli.Tests.Appraisal;

/// <summary>Runs the appraisal verbs in-process against a test console, checking outputs against cba-method.md's vector.</summary>
public sealed class AppraisalCliTests
{
    private static readonly string s_samples = Path.Combine(RepositoryRoot(), "samples", "proposals");
    private static readonly string s_jsa = Path.Combine(s_samples, "jsa-claimants-into-work.json");
    private static readonly string s_neet = Path.Combine(s_samples, "neet-into-construction.json");

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));

    private static CommandAppTester App()
    {
        var app = new CommandAppTester();
        app.Configure(AppraisalCommands.Register);
        return app;
    }

    private static JsonElement Json(params string[] args)
    {
        var result = App().Run(args);
        Assert.Equal(0, result.ExitCode);
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }

    [Fact]
    public void Appraise_WorkedProposalAsJson_MatchesTheVectorToThePenny()
    {
        var json = Json("appraise", s_jsa, "--format", "json");
        Assert.Equal(453391.30m, json.GetProperty("pv_costs").GetDecimal());
        Assert.Equal(811153.13m, json.GetProperty("pv_fiscal").GetDecimal());
        Assert.Equal(1162432.10m, json.GetProperty("pv_economic").GetDecimal());
        Assert.Equal(0m, json.GetProperty("pv_social").GetDecimal());
        Assert.Equal(1209280.33m, json.GetProperty("pv_public_value").GetDecimal());
        Assert.Equal(357761.83m, json.GetProperty("npv_fiscal").GetDecimal());
        Assert.Equal(1209280.33m - 453391.30m, json.GetProperty("npv_public_value").GetDecimal());
        Assert.Equal(1.7891m, json.GetProperty("roi_fiscal").GetDecimal());
        Assert.Equal(2.6672m, json.GetProperty("roi_public_value").GetDecimal());
        Assert.Equal(1, json.GetProperty("payback_year_index").GetInt32());

        var agencies = json.GetProperty("by_agency").EnumerateArray().ToDictionary(a => a.GetProperty("agency").GetString()!);
        Assert.Equal(764304.90m, agencies["DWP"].GetProperty("pv_fiscal_benefits").GetDecimal());
        Assert.Equal(46848.23m, agencies["NHS"].GetProperty("pv_fiscal_benefits").GetDecimal());
        Assert.Equal(453391.30m, agencies["Local authority"].GetProperty("pv_costs").GetDecimal());

        var years = json.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal(4, years.Count);
        Assert.Equal("2015-16", years[0].GetProperty("fiscal_year").GetString());
        Assert.Equal(286000.00m, years[0].GetProperty("costs").GetDecimal());
        Assert.Equal(173250.00m, years[1].GetProperty("costs").GetDecimal());
        Assert.Equal(0.9661835749m, years[1].GetProperty("discount_factor").GetDecimal());
        Assert.Equal(-20717.10m, years[0].GetProperty("cumulative_discounted_fiscal_net").GetDecimal());
    }

    [Fact]
    public void Appraise_NoPayback_WritesNull()
    {
        var json = Json("appraise", s_neet, "--format", "json");
        Assert.Equal(JsonValueKind.Null, json.GetProperty("payback_year_index").ValueKind);
        Assert.True(json.GetProperty("npv_fiscal").GetDecimal() < 0m);
    }

    [Fact]
    public void Appraise_Table_ReadsLikeABusinessCase()
    {
        var result = App().Run("appraise", s_jsa);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Business case summary", result.Output, StringComparison.Ordinal);
        Assert.Contains("£357,761.83", result.Output, StringComparison.Ordinal);
        Assert.Contains("Who pays, who benefits", result.Output, StringComparison.Ordinal);
        Assert.Contains("year 1 (2016-17)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Unit Cost Database v1.4", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Appraise_MonteCarloSameSeed_IsReproducible()
    {
        var a = Json("appraise", s_jsa, "--format", "json", "--monte-carlo", "20000", "--seed", "11").GetProperty("monte_carlo");
        var b = Json("appraise", s_jsa, "--format", "json", "--monte-carlo", "20000", "--seed", "11").GetProperty("monte_carlo");
        Assert.Equal(a.GetRawText(), b.GetRawText());
        var npv = a.GetProperty("npv_fiscal");
        Assert.True(npv.GetProperty("p10").GetDouble() < npv.GetProperty("p50").GetDouble());
        Assert.InRange(a.GetProperty("p_npv_fiscal_positive").GetDouble(), 0.5, 1.0);
    }

    [Fact]
    public void Appraise_BadFile_FailsWithTheFieldPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, File.ReadAllText(s_jsa).Replace("\"optimism_bias\": 0.15 },\n        { \"unit_cost\": \"E&E1.0.2\"", "\"optimism_bias\": 0.15 },\n        { \"unit_cost\": \"E&E1.0.2\"", StringComparison.Ordinal)
            .Replace("\"transfer\": false, \"optimism_bias\": 0.15", "\"transfer\": false, \"optimism_bias\": 1.4", StringComparison.Ordinal));
        try
        {
            var failure = App().RunAndCatch<CliException>("appraise", path);
            var ex = Assert.IsType<CliException>(failure.Exception);
            Assert.Contains("outcomes[0].values[1].optimism_bias: 1.4 is not between 0 and 1", ex.Message, StringComparison.Ordinal);
            Assert.Equal(3, ex.ExitCode);
            Assert.DoesNotContain('\n', ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Appraise_Template_PrintsAProposalThatAppraises()
    {
        var result = App().Run("appraise", "--template", "neet-construction");
        Assert.Equal(0, result.ExitCode);
        var proposal = ProposalParser.Parse(result.Output).Value;
        Assert.Contains(proposal.Outcomes[0].Values, v => v.UnitCost == "E&E10.0.1");
        Assert.True(Appraiser.Default.Appraise(proposal).PvEconomic > 0m);
    }

    [Fact]
    public void Appraise_Xlsx_WritesTheWorkbookSheets()
    {
        var path = Path.Combine(Path.GetTempPath(), $"jsa-{Guid.NewGuid():N}.xlsx");
        try
        {
            Assert.Equal(0, App().Run("appraise", s_jsa, "--xlsx", path).ExitCode);
            Assert.Equal(["Summary", "Inputs", "Calculations", "By agency", "Trace"], MiniExcel.GetSheetNames(path));
            // The Summary's cached PV of costs (a formula in the workbook) is the engine's figure for the same proposal.
            var expected = Appraiser.Default.Appraise(ProposalParser.Parse(File.ReadAllText(s_jsa)).Value).PvCosts;
            var summary = MiniExcel.Query(path, useHeaderRow: false, sheetName: "Summary").Cast<IDictionary<string, object>>().ToList();
            var pvCosts = summary.Select(r => r.Values.ToList()).Single(cells => cells.Any(c => c is string text && text == "PV costs"));
            var cached = pvCosts.SkipWhile(c => c is not string text || text != "PV costs").Skip(1).First(c => c is not null and not string);
            Assert.Equal(Math.Round(expected, 2), Math.Round(Convert.ToDecimal(cached, System.Globalization.CultureInfo.InvariantCulture), 2));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void UnitCostsShow_Code_GivesValuesUpratedTo2015To16()
    {
        var json = Json("unit-costs", "show", "E&E1.0", "--format", "json");
        Assert.Equal(9800m, json.GetProperty("fiscal").GetProperty("amount").GetDecimal());
        Assert.Equal(10320.69m, json.GetProperty("fiscal").GetProperty("amount_2015_16").GetDecimal());
        Assert.Equal(14790.17m, json.GetProperty("economic").GetProperty("amount_2015_16").GetDecimal());
        Assert.Equal("UCD v1.4", json.GetProperty("edition").GetString());
    }

    [Fact]
    public void UnitCostsSearch_Words_FindsNeetEntries()
    {
        var json = Json("unit-costs", "search", "neet", "hmrc", "--format", "json");
        Assert.Contains(json.EnumerateArray(), e => e.GetProperty("code").GetString() == "E&E10.0.2");
    }

    [Fact]
    public void Fund_TwoProposals_ChoosesThePositiveOneAndExplainsTheOther()
    {
        var json = Json("fund", s_jsa, s_neet, "--budget", "400000", "--format", "json");
        Assert.Equal(["JSA claimants into work"], json.GetProperty("selected").EnumerateArray().Select(e => e.GetString()!));
        Assert.Contains("not positive", json.GetProperty("left_out")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(357761.83m, json.GetProperty("total_npv").GetDecimal());
    }

    [Fact]
    public void Fund_YearBudgetTooSmall_LeavesTheProposalOutAndSaysWhichYear()
    {
        var json = Json("fund", s_jsa, "--budget", "400000", "--budget-in", "2015-16=100000", "--format", "json");
        Assert.Empty(json.GetProperty("selected").EnumerateArray());
        Assert.Contains("exceeds the 2015-16 budget", json.GetProperty("left_out")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
