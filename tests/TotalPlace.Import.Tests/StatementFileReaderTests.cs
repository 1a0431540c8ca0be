using TotalPlace.Core;
using TotalPlace.Core.Spending;
using static TotalPlace.Import.Tests.SpendFiles;

namespace TotalPlace.Import.Tests;

public sealed class StatementFileReaderTests
{
    [Fact]
    public void Read_StatementCsv_ReadsEveryRowWithKindAndYear()
    {
        var text = Lines(
            "Greater Anytown partnership statements",
            "Agency,Theme,Funding Stream,Financial Year,Amount,Kind",
            "Anytown Council,children-young-people,Dedicated Schools Grant,2009-10,\"£1,200,000.00\",Outturn",
            "DWP,worklessness-skills,,2009/10,\"3,400,000\",benefits paid",
            "Anytown PCT,health-social-care,NHS allocation,2010-11,500000.50,Budget");

        var result = StatementFileReader.Read("statements.csv", Utf8(text));

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.HeaderRow);
        Assert.Equal(
            [
                new SpendStatement("Anytown Council", "children-young-people", "Dedicated Schools Grant", FiscalYear.Parse("2009-10"), 1_200_000m, StatementKind.Outturn, 3),
                new SpendStatement("DWP", "worklessness-skills", string.Empty, FiscalYear.Parse("2009-10"), 3_400_000m, StatementKind.BenefitsPaid, 4),
                new SpendStatement("Anytown PCT", "health-social-care", "NHS allocation", FiscalYear.Parse("2010-11"), 500_000.50m, StatementKind.Budget, 5),
            ],
            result.Statements);
        Assert.Equal(5_100_000.50m, result.Total);
    }

    [Fact]
    public void Read_StatementWithBadValues_ReportsFileRowColumnAndValue()
    {
        var text = Lines("Agency,Service,Year,Amount,Kind", "Council,Libraries,2009,12.00,Outturn", "Council,Libraries,2009-10,lots,Forecast");

        var result = StatementFileReader.Read("s.csv", Utf8(text));

        Assert.Equal(
            [("s.csv", 2, "Year", "2009"), ("s.csv", 3, "Amount", "lots"), ("s.csv", 3, "Kind", "Forecast")],
            result.Errors.Select(e => (e.File, e.Row, e.Column, e.Value)));
        Assert.Empty(result.Statements);
    }

    [Fact]
    public void Read_StatementWithoutRequiredColumns_SaysWhichAreNeeded()
    {
        var result = StatementFileReader.Read("s.csv", Utf8(Lines("Name,Value", "A,1")));

        Assert.Contains("fiscal year", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }
}
