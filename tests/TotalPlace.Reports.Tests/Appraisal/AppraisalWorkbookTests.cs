using FsCheck.Fluent;
using TotalPlace.Core.Appraisal;
using TotalPlace.Reports.Appraisal;
using TotalPlace.Testing;

namespace TotalPlace.Reports.Tests.Appraisal;

/// <summary>
/// The workbook's formulas reproduce the engine: each workbook has its cached values stripped, is recalculated by
/// LibreOffice, and every summary figure and every agency line is compared with <see cref="Appraiser.Appraise"/>.
/// </summary>
[Trait("Issue", "14")]
public sealed class AppraisalWorkbookTests
{
    private const decimal Penny = 0.005m;

    private static List<string> SampleProposals() =>
        [.. Directory.GetFiles(SharedData.RepositoryFile("samples/proposals"), "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_sample_proposal_recalculated_by_LibreOffice_matches_the_engine_to_the_penny()
    {
        var names = SampleProposals();
        Assert.NotEmpty(names);
        var results = names.Select(name => Appraiser.Default.Appraise(ProposalParser.Parse(File.ReadAllText(SharedData.RepositoryFile("samples/proposals/" + name))).Value)).ToList();
        AssertRecalculatedMatches(results, names);
    }

    [Fact]
    public void Generated_proposals_recalculated_by_LibreOffice_match_the_engine_to_the_penny()
    {
        var proposals = ProposalGenerator.Proposals.Sample(10, 40);
        var results = proposals.Select(Appraiser.Default.Appraise).ToList();
        AssertRecalculatedMatches(results, proposals.Select((p, i) => $"generated #{i}: {Describe(p)}").ToList());
    }

    [Fact]
    public void Changing_an_input_cell_moves_the_results_to_what_the_engine_gives_for_the_changed_proposal()
    {
        // Given the NEET sample and the same proposal with engagement 0.5 instead of 0.75
        var proposal = ProposalParser.Parse(File.ReadAllText(SharedData.RepositoryFile("samples/proposals/neet-into-construction.json"))).Value;
        var changed = proposal with { Engagement = 0.5m };
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "neet.xlsx");
        using (var stream = File.Create(path))
        {
            AppraisalWorkbook.Write(stream, Appraiser.Default.Appraise(proposal));
        }

        using (var before = new XlsxValues(path))
        {
            Assert.Equal("Engagement rate", before.Text(AppraisalWorkbook.InputsSheet, "A9"));
        }

        // When a finance officer types 0.5 into the engagement cell and the workbook recalculates
        LibreOffice.SetNumber(path, AppraisalWorkbook.InputsSheet, "B9", 0.5m);
        var recalculated = LibreOffice.Recalculate([path])[0];

        // Then every summary figure is the engine's figure for the changed proposal, and differs from the original
        var original = Appraiser.Default.Appraise(proposal);
        var expected = Appraiser.Default.Appraise(changed);
        using var after = new XlsxValues(recalculated);
        Assert.NotEqual(Math.Round(original.PvCosts, 2), Math.Round(after.Number(AppraisalWorkbook.SummarySheet, "B6"), 2));
        AssertSummary(after, expected, "engagement changed to 0.5");
    }

    [Fact]
    public void Every_result_cell_is_a_formula_and_inputs_carry_unit_cost_code_edition_and_price_year()
    {
        var proposal = ProposalParser.Parse(File.ReadAllText(SharedData.RepositoryFile("samples/proposals/jsa-claimants-into-work.json"))).Value;
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "jsa.xlsx");
        using (var stream = File.Create(path))
        {
            AppraisalWorkbook.Write(stream, Appraiser.Default.Appraise(proposal));
        }

        using var workbook = new XlsxValues(path);
        Assert.Equal(["Summary", "Inputs", "Calculations", "By agency", "Trace"], workbook.SheetNames);
        foreach (var row in AppraisalWorkbook.SummaryRows.Values)
        {
            Assert.False(string.IsNullOrEmpty(workbook.Formula(AppraisalWorkbook.SummarySheet, "B" + row)), $"Summary!B{row} is not a formula");
        }

        var result = Appraiser.Default.Appraise(proposal);
        var ucd = result.Trace.First(t => t.Edition == UnitCostDatabase.UcdV14Edition);
        var inputs = Enumerable.Range(1, 80).Select(r => SafeText(workbook, AppraisalWorkbook.InputsSheet, "G" + r)).ToList();
        Assert.Contains(ucd.Reference, inputs);
        Assert.Contains(UnitCostDatabase.UcdV14Edition, Enumerable.Range(1, 80).Select(r => SafeText(workbook, AppraisalWorkbook.InputsSheet, "H" + r)));
        Assert.Equal(AppraisalWorkbook.SummaryRows.Count, AppraisalWorkbook.SummaryRows.Values.Distinct().Count());
    }

    private static string SafeText(XlsxValues workbook, string sheet, string reference)
    {
        try
        {
            return workbook.Text(sheet, reference);
        }
        catch (InvalidOperationException)
        {
            return "";
        }
    }

    private static void AssertRecalculatedMatches(IReadOnlyList<AppraisalResult> results, IReadOnlyList<string> labels)
    {
        using var folder = new TempFolder();
        var paths = new List<string>();
        for (var i = 0; i < results.Count; i++)
        {
            var path = Path.Combine(folder.Path, $"p{i:D3}.xlsx");
            using (var stream = File.Create(path))
            {
                AppraisalWorkbook.Write(stream, results[i]);
            }

            paths.Add(path);
        }

        var recalculated = LibreOffice.Recalculate(paths);
        for (var i = 0; i < results.Count; i++)
        {
            using var workbook = new XlsxValues(recalculated[i]);
            AssertSummary(workbook, results[i], labels[i]);
            for (var a = 0; a < results[i].ByAgency.Count; a++)
            {
                var line = results[i].ByAgency[a];
                var row = 4 + a;
                Assert.Equal(line.Agency, workbook.Text(AppraisalWorkbook.AgencySheet, "A" + row));
                Pennies(line.PvCosts, workbook.Number(AppraisalWorkbook.AgencySheet, "B" + row), $"{labels[i]}: {line.Agency} PV costs");
                Pennies(line.PvFiscalBenefits, workbook.Number(AppraisalWorkbook.AgencySheet, "C" + row), $"{labels[i]}: {line.Agency} PV fiscal");
                Pennies(line.PvFiscalCashable, workbook.Number(AppraisalWorkbook.AgencySheet, "D" + row), $"{labels[i]}: {line.Agency} cashable");
                Pennies(line.NetFiscal, workbook.Number(AppraisalWorkbook.AgencySheet, "E" + row), $"{labels[i]}: {line.Agency} net");
            }
        }
    }

    private static void AssertSummary(XlsxValues workbook, AppraisalResult expected, string label)
    {
        decimal Get(string key) => workbook.Number(AppraisalWorkbook.SummarySheet, "B" + AppraisalWorkbook.SummaryRows[key]);
        Pennies(expected.PvCosts, Get("PvCosts"), label + ": PV costs");
        Pennies(expected.PvFiscal, Get("PvFiscal"), label + ": PV fiscal");
        Pennies(expected.PvFiscalCashable, Get("PvFiscalCashable"), label + ": PV cashable");
        Pennies(expected.PvFiscalTransfers, Get("PvFiscalTransfers"), label + ": PV transfers");
        Pennies(expected.PvEconomic, Get("PvEconomic"), label + ": PV economic");
        Pennies(expected.PvSocial, Get("PvSocial"), label + ": PV social");
        Pennies(expected.PvPublicValue, Get("PvPublicValue"), label + ": PV public value");
        Pennies(expected.NpvFiscal, Get("NpvFiscal"), label + ": fiscal NPV");
        Pennies(expected.NpvPublicValue, Get("NpvPublicValue"), label + ": public value NPV");
        string Text(string key) => workbook.Text(AppraisalWorkbook.SummarySheet, "B" + AppraisalWorkbook.SummaryRows[key]);
        if (expected.RoiFiscal is { } roi)
        {
            Assert.True(Math.Abs(roi - Get("RoiFiscal")) < 0.000001m, $"{label}: fiscal ROI {roi} vs {Text("RoiFiscal")}");
            Assert.True(Math.Abs(expected.RoiPublicValue!.Value - Get("RoiPublicValue")) < 0.000001m, $"{label}: public value ROI");
        }
        else
        {
            Assert.Equal("n/a", Text("RoiFiscal"));
        }

        Assert.Equal(expected.PaybackYearIndex?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none", Text("PaybackYearIndex"));
    }

    private static void Pennies(decimal expected, decimal actual, string what) =>
        Assert.True(Math.Abs(expected - actual) < Penny, $"{what}: engine {expected:0.00####} but the recalculated workbook {actual:0.00####}");

    private static string Describe(Proposal p) =>
        $"horizon {p.HorizonYears}, {p.Discount}, engagement {p.Engagement}, cohorts [{string.Join("; ", p.Cohorts)}], " +
        $"costs [{string.Join("; ", p.Costs.Select(c => $"{c.Per} y{c.Year} £{c.Amount} {c.PriceYear} ob{c.OptimismBias}"))}], " +
        $"outcomes [{string.Join("; ", p.Outcomes.Select(o => $"s{o.Success} dw{o.Deadweight} a{o.Attribution} d{o.Displacement} lag{o.LagYears} dur{o.DurationYears} drop{o.DropOff} values {o.Values.Count}"))}]";
}
