using static TotalPlace.Import.Tests.SpendFiles;

namespace TotalPlace.Import.Tests;

public sealed class MappingFileTests
{
    [Fact]
    public void FromJson_ColumnsByNameAndNumber_OverrideTheGuess()
    {
        var mapping = ColumnMapping.FromJson("""
            {
              // comments are allowed
              "headerRow": 2,
              "dateOrder": "monthFirst",
              "columns": { "amount": "Net", "date": 1, "supplier": "Payee" }
            }
            """, "anytown.mapping.json");
        var text = Lines("Anytown payments", "When,Payee,Net,Gross,Amount", "04/13/2024,A,10.00,12.00,99", "04/14/2024,B,20.00,24.00,99");

        var result = Read(text, new SpendReadOptions { Mapping = mapping });

        Assert.Empty(result.Errors);
        Assert.Equal(30m, result.Total);
        Assert.Equal(new DateOnly(2024, 4, 13), result.Transactions[0].Date);
        Assert.Equal("A", result.Transactions[0].Supplier);
        Assert.Equal(new MappedColumn(3, "Net"), result.Mapping[ColumnRole.Amount]);
    }

    [Fact]
    public void ResultMapping_PassedBack_ReadsTheSameWay()
    {
        var text = Lines("Date,Amount,Supplier,Invoice Total", "01/04/2024,10.00,A,30.00");
        var first = Read(text);
        var edited = first.Mapping.With(ColumnRole.Amount, MappedColumn.ByNumber(4));

        var second = Read(text, new SpendReadOptions { Mapping = ColumnMapping.FromJson(edited.ToJson(), "edited.json") });

        Assert.Equal(10m, first.Total);
        Assert.Equal(30m, second.Total);
    }

    [Fact]
    public void FromJson_Problems_AreReportedNamingTheMappingFileLineAndKey()
    {
        var json = """
            {
              "columns": {
                "amount": 0,
                "colour": "Red"
              },
              "dateOrder": "sideways"
            }
            """;

        var ex = Assert.Throws<ImportRejectedException>(() => ColumnMapping.FromJson(json, "bad.mapping.json"));

        Assert.All(ex.Errors, e => Assert.Equal("bad.mapping.json", e.File));
        Assert.Contains(ex.Errors, e => e is { Row: 3, Column: "columns.amount" } && e.Message.Contains("start at 1", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e is { Row: 4, Column: "columns.colour" } && e.Message.Contains("unknown role", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e is { Row: 6, Column: "dateOrder" });
    }

    [Fact]
    public void FromJson_NotJson_NamesTheFile()
    {
        Assert.False(ColumnMapping.TryFromJson("{ \"columns\": ", "m.json", out _, out var errors));

        Assert.Equal("m.json", Assert.Single(errors).File);
    }

    [Fact]
    public void Read_MappingNamesAMissingHeader_IsAFileErrorListingTheColumns()
    {
        var mapping = ColumnMapping.Empty.With(ColumnRole.Amount, MappedColumn.ByHeader("Net Spend"));

        var result = Read(Lines("Date,Amount,Supplier", "01/04/2024,10.00,A"), new SpendReadOptions { Mapping = mapping });

        Assert.Contains(result.Errors, e => e.Message.Contains("'Net Spend'", StringComparison.Ordinal) && e.Message.Contains("'Amount'", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NoHeaderRowWithNumberedColumns_ReadsEveryRow()
    {
        var mapping = ColumnMapping.FromJson("""{ "headerRow": 0, "columns": { "date": 1, "amount": 2, "supplier": 3 } }""", "m.json");

        var result = Read(Lines("01/04/2024,10.00,A", "02/04/2024,20.00,B"), new SpendReadOptions { Mapping = mapping });

        Assert.Empty(result.Errors);
        Assert.Equal(30m, result.Total);
        Assert.Equal(1, result.Transactions[0].SourceRow);
    }

    [Fact]
    public void Read_NumberedAmountBeyondTheHeader_ReadsTheUnnamedColumn()
    {
        var mapping = ColumnMapping.Empty.With(ColumnRole.Amount, MappedColumn.ByNumber(4));

        var result = Read(Lines("Date,Supplier,Note", "01/04/2024,A,x,10.00", ",,,", "02/04/2024,B,y,(2.50)"), new SpendReadOptions { Mapping = mapping });

        Assert.Empty(result.Errors);
        Assert.Equal(7.50m, result.Total);
        Assert.Equal(new MappedColumn(4, null), result.Mapping[ColumnRole.Amount]);
    }
}
