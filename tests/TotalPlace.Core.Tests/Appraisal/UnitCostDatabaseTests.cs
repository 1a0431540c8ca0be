using TotalPlace.Core.Appraisal;

namespace TotalPlace.Core.Tests.Appraisal;

public sealed class UnitCostDatabaseTests
{
    [Fact]
    public void UcdV14_HasEveryCodedRowOfTheWorkbook() => Assert.Equal(683, UnitCostDatabase.UcdV14.Entries.Count);

    [Fact]
    public void Find_CodeInAnyCase_ReturnsTheEntryWithEditionAndSource()
    {
        var entry = UnitCostDatabase.UcdV14.Find("e&e10.0.1");
        Assert.NotNull(entry);
        Assert.Equal("E&E10.0.1", entry.Code);
        Assert.Equal("UCD v1.4", entry.Edition);
        Assert.Equal(3218m, entry.Fiscal!.Amount);
        Assert.Equal(FiscalYear.Parse("2010-11"), entry.Fiscal.PriceYear);
        Assert.Contains("ACEVO", entry.Source, StringComparison.Ordinal);
        Assert.Equal("A", entry.Confidence);
    }

    [Fact]
    public void Find_EntryWithBothValues_KeepsFiscalAndEconomic()
    {
        var entry = UnitCostDatabase.UcdV14.Get("E&E1.0");
        Assert.Equal(9800m, entry.Fiscal!.Amount);
        Assert.Equal(14044m, entry.Economic!.Amount);
        Assert.Null(entry.Social);
    }

    [Fact]
    public void Search_Words_MatchDescriptionAgencyAndTheme()
    {
        var results = UnitCostDatabase.UcdV14.Search("NEET HMRC");
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Contains("NEET", r.Description, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(results, r => r.Code == "E&E10.0.2");
    }

    [Fact]
    public void Search_NothingMatches_IsEmpty() => Assert.Empty(UnitCostDatabase.UcdV14.Search("zzqqxx"));

    [Fact]
    public void WithLocal_SameCode_ReplacesTheShippedEntry()
    {
        var local = UnitCost.Local("E&E1.0.2", "NHS saving, our own study", BenefitType.Fiscal, 700m, FiscalYear.Parse("2014-15"), "Local audit 2015", "2");
        var db = UnitCostDatabase.UcdV14.WithLocal([local]);
        Assert.Equal("local", db.Get("E&E1.0.2").Edition);
        Assert.Equal(683, db.Entries.Count);
    }

    [Fact]
    public void OptimismBiasTable_Default_GradesRunFromZeroToFortyPercent()
    {
        var table = OptimismBiasTable.Default;
        Assert.Equal(0m, table.RateFor("1"));
        Assert.Equal(0.40m, table.RateFor("6"));
        Assert.Equal(0.15m, table.RateFor("A"));
        Assert.Null(table.RateFor("9"));
        Assert.Contains("2014", table.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void OptimismBiasTable_Parse_RateAboveOne_Throws() =>
        Assert.Throws<FormatException>(() => OptimismBiasTable.Parse("grade,optimism_bias\n1,1.4\n", "test"));
}
