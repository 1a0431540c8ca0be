using System.Globalization;
using TotalPlace.Core;
using TotalPlace.Core.Counting;
using TotalPlace.Import.Official;
using TotalPlace.Testing;

namespace TotalPlace.Import.Tests.Official;

/// <summary>The official return readers against figures read by hand from the published cells (the comment on each
/// literal names the cell), for five authorities of different classes.</summary>
public sealed class OfficialReturnReaderTests
{
    private static readonly FiscalYear Year = FiscalYear.Parse("2023-24");
    private static readonly string[] Bodies = ["E07000120", "E10000017", "E23000003", "E31000023", "E08000003"];

    private static byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(SharedData.Hyndburn, "mhclg", file));

    [Fact]
    public void Rs_TotalServiceExpenditure_IsLine699InPoundsForEachBody()
    {
        var result = OfficialReturnReader.Read(new RevenueOutturnSummary(), "rs2023_24.xlsx", Bytes("rs2023_24.xlsx"), Year, Bodies);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(18_179_000m, result.Total("E07000120", StatementMeasure.Net));   // sheet RS_LA_Data_2023-24, U184 = 18179
        Assert.Equal(2_249_427_000m, result.Total("E10000017", StatementMeasure.Net)); // U200 = 2249427
        Assert.Equal(71_916_000m, result.Total("E31000023", StatementMeasure.Net));   // U201 = 71916
        Assert.Equal(368_473_000m, result.Total("E23000003", StatementMeasure.Net));  // U202 = 368473
        Assert.Equal(1_180_949_000m, result.Total("E08000003", StatementMeasure.Net)); // U221 = 1180949
        Assert.Equal(411, result.BodiesInFile); // rows 14-424: authorities only, not ENGLAND (425) or the class table
    }

    [Fact]
    public void Rs_ServiceLines_AreKeptApartFromTheTotalAndMappedToThemes()
    {
        var result = OfficialReturnReader.Read(new RevenueOutturnSummary(), "rs2023_24.xlsx", Bytes("rs2023_24.xlsx"), Year, Bodies);

        var police = result.Statements.Single(s => s.BodyCode == "E23000003" && s.LineCode == "RS-pol-net-exp");
        Assert.Equal(367_297_000m, police.Amount); // Q202 = 367297
        Assert.Equal("community-safety", police.Theme);
        Assert.Equal(202, police.SourceRow);
        var lancsEducation = result.Statements.Single(s => s.BodyCode == "E10000017" && s.LineCode == "RS-edu-net-exp");
        Assert.Equal(1_136_504_000m, lancsEducation.Amount); // H200 = 1136504
        var hyndburnEnv = result.Statements.Single(s => s.BodyCode == "E07000120" && s.LineCode == "RS-env-net-exp");
        Assert.Equal(5_040_000m, hyndburnEnv.Amount); // O184 = 5040

        // The PCC's published service lines add to one thousand pounds more than its line 699 (rounding in the return):
        // the total is read as published, never recomputed from its lines.
        var pccLines = result.Statements.Where(s => s.BodyCode == "E23000003" && !s.IsTotal).Sum(s => s.Amount);
        Assert.Equal(368_474_000m, pccLines);
        Assert.Equal(368_473_000m, result.Total("E23000003", StatementMeasure.Net));
    }

    [Fact]
    public void Rsx_GrossIncomeNetAndPay_AreReadFromTheirOwnColumns()
    {
        var result = OfficialReturnReader.Read(new RevenueOutturnServiceExpenditure(), "RSX_2023-24_data_by_LA.csv", Bytes("RSX_2023-24_data_by_LA.csv"), Year, Bodies);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        // line 182 (Hyndburn BC), totsx columns C1, C3, C6, C7: "10,374", "28,718", "10,539", "18,179"
        Assert.Equal(10_374_000m, result.Total("E07000120", StatementMeasure.Employees));
        Assert.Equal(28_718_000m, result.Total("E07000120", StatementMeasure.Gross));
        Assert.Equal(10_539_000m, result.Total("E07000120", StatementMeasure.Income));
        Assert.Equal(18_179_000m, result.Total("E07000120", StatementMeasure.Net));
        // line 198 (Lancashire CC): "1,170,455", "2,791,962", "542,535", "2,249,427"
        Assert.Equal(1_170_455_000m, result.Total("E10000017", StatementMeasure.Employees));
        Assert.Equal(2_791_962_000m, result.Total("E10000017", StatementMeasure.Gross));
        Assert.Equal(542_535_000m, result.Total("E10000017", StatementMeasure.Income));
        Assert.Equal(2_249_427_000m, result.Total("E10000017", StatementMeasure.Net));
        // line 199 (Lancashire fire): "74,174" gross, "2,258" income; line 200 (PCC): "391,490" gross, "23,017" income
        Assert.Equal(74_174_000m, result.Total("E31000023", StatementMeasure.Gross));
        Assert.Equal(2_258_000m, result.Total("E31000023", StatementMeasure.Income));
        Assert.Equal(391_490_000m, result.Total("E23000003", StatementMeasure.Gross));
        Assert.Equal(23_017_000m, result.Total("E23000003", StatementMeasure.Income));
        // line 219 (Manchester): "1,608,492" gross
        Assert.Equal(1_608_492_000m, result.Total("E08000003", StatementMeasure.Gross));
        Assert.Equal(411, result.BodiesInFile);
    }

    [Fact]
    public void Ra_BudgetNet_IsServicetotLine799()
    {
        var result = OfficialReturnReader.Read(new RevenueAccountBudget(), "RA_2023-24_data_Part_1.csv", Bytes("RA_2023-24_data_Part_1.csv"), Year, Bodies);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.All(result.Statements, s => Assert.Equal(Core.Spending.StatementKind.Budget, s.Kind));
        Assert.Equal(13_069_000m, result.Total("E07000120", StatementMeasure.Net));    // line 181, servicetot "13,069"
        Assert.Equal(2_222_535_000m, result.Total("E10000017", StatementMeasure.Net)); // line 197, "2,222,535"
        Assert.Equal(72_041_000m, result.Total("E31000023", StatementMeasure.Net));    // line 198, "72,041"
        Assert.Equal(349_309_000m, result.Total("E23000003", StatementMeasure.Net));   // line 199, "349,309"
        Assert.Equal(1_139_048_000m, result.Total("E08000003", StatementMeasure.Net)); // line 219, "1,139,048"
        Assert.Equal(347_529_000m, result.Statements.Single(s => s.BodyCode == "E23000003" && s.LineCode == "poltot").Amount); // "347,529"
        Assert.Equal(410, result.BodiesInFile); // one fewer than RS: no separate Greater Manchester police row
    }

    [Fact]
    public void Read_ACodeNotInTheReturn_IsReportedNotGuessed()
    {
        var result = OfficialReturnReader.Read(new RevenueAccountBudget(), "RA_2023-24_data_Part_1.csv", Bytes("RA_2023-24_data_Part_1.csv"), Year, ["E07000120", "E99999999"]);

        Assert.False(result.IsValid);
        Assert.Equal(["E99999999"], result.NotFound);
    }

    [Fact]
    public void Read_ASpendFile_IsRefusedWithAClearMessage()
    {
        var spend = File.ReadAllBytes(Path.Combine(SharedData.Hyndburn, "hyndburn-borough-council", "April-2023.csv"));

        var result = OfficialReturnReader.Read(new RevenueAccountBudget(), "April-2023.csv", spend, Year, ["E07000120"]);

        var error = Assert.Single(result.Errors);
        Assert.Contains("not a RA return", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GpPracticeWeightedPopulations_ShareOfTheIcb_EqualsAnIndependentSumOfTheCsv()
    {
        var path = Path.Combine(SharedData.Hyndburn, "nhs-england", "2023_2024.csv");
        var records = PlainCsv.Records(File.ReadAllText(path));
        var header = records[0];
        int icb = header.IndexOf("ICS22"), lad = header.IndexOf("LAD21"), pop = header.IndexOf("pop 2022/23");
        var qe1 = records.Skip(1).Where(r => r[icb] == "QE1").ToList();
        var whole = qe1.Sum(r => decimal.Parse(r[pop], CultureInfo.InvariantCulture));
        var inHyndburn = qe1.Where(r => r[lad] == "E07000120").Sum(r => decimal.Parse(r[pop], CultureInfo.InvariantCulture));

        var share = GpPracticeWeightedPopulations.Share("2023_2024.csv", File.ReadAllBytes(path), "QE1", "E07000120");

        Assert.Equal(inHyndburn, share.InArea);
        Assert.Equal(whole, share.Whole);
        Assert.Equal(203, share.Units);
        Assert.Equal(13, share.UnitsInArea);
        Assert.Equal(0.043737m, Math.Round(share.ToShare("2023_2024.csv").Value, 6)); // the package's stated value
    }

    [Fact]
    public void GpPracticeWeightedPopulations_WorkbookSheet_AgreesWithTheCsvExtract()
    {
        var dir = Path.Combine(SharedData.Hyndburn, "nhs-england");
        var csv = GpPracticeWeightedPopulations.Share("2023_2024.csv", File.ReadAllBytes(Path.Combine(dir, "2023_2024.csv")), "QE1", "E07000120", weighted: true);
        var xlsx = GpPracticeWeightedPopulations.Share("GP Practice WP_2023_2024_2025.xlsx", File.ReadAllBytes(Path.Combine(dir, "GP Practice WP_2023_2024_2025.xlsx")), "QE1", "E07000120", weighted: true, sheet: "GP_wp_202324");

        Assert.Equal(csv.Units, xlsx.Units);
        Assert.Equal(0.045543m, Math.Round(csv.ToShare("csv").Value, 6)); // the package's stated need-weighted share
        Assert.Equal(Math.Round(csv.ToShare("csv").Value, 6), Math.Round(xlsx.ToShare("xlsx").Value, 6));
    }
}
