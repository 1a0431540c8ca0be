using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Spectre.Console.Testing;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Tests.Infrastructure;

public sealed class ResultWriterTests
{
    private static readonly Column[] s_columns = [new("Supplier", "supplier"), new("Amount", "amount", ColumnKind.Money), new("Hash", "hash", InTable: false)];

    [Fact]
    public void Write_Csv_QuotesCommasAndKeepsExactAmounts()
    {
        var console = new TestConsole().Width(20);
        var result = TabularResult.Create(null, s_columns, [["Smith, Jones & Co", 1234.565m, "ab"], [null, -0.01m, "cd"]]);

        ResultWriter.Write(console, OutputFormat.Csv, result);

        var lines = console.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(["supplier,amount,hash", "\"Smith, Jones & Co\",1234.565,ab", ",-0.01,cd"], lines);
    }

    [Fact]
    public void Write_Table_HidesDetailColumnsAndFormatsPounds()
    {
        var console = new TestConsole().Width(80);
        var result = TabularResult.Create(null, s_columns, [["Kier Ltd", 1234567.8m, "deadbeef"]]);

        ResultWriter.Write(console, OutputFormat.Table, result);

        Assert.Contains("£1,234,567.80", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("deadbeef", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_EmptyCsv_StillWritesHeader()
    {
        var console = new TestConsole();

        ResultWriter.Write(console, OutputFormat.Csv, TabularResult.Create(null, s_columns, []));

        Assert.Equal("supplier,amount,hash", console.Output.Trim());
    }

    [Fact]
    public void Create_RowOfWrongLength_Throws() =>
        Assert.Throws<ArgumentException>(() => TabularResult.Create(null, s_columns, [["only one"]]));

    [FsCheck.Xunit.Property]
    public Property Write_Json_RoundTripsEveryAmountExactly() =>
        Prop.ForAll(
            Gen.Choose(-1_000_000, 1_000_000).Zip(Gen.Choose(0, 99)).Select(t => t.Item1 + (t.Item2 / 100m)).ArrayOf().ToArbitrary(),
            amounts =>
            {
                var console = new TestConsole();
                var result = TabularResult.Create(null, s_columns, amounts.Select(a => new object?[] { "x", a, "h" }));

                ResultWriter.Write(console, OutputFormat.Json, result);

                using var json = JsonDocument.Parse(console.Output);
                var read = json.RootElement.EnumerateArray().Select(e => e.GetProperty("amount").GetDecimal()).ToArray();
                return read.SequenceEqual(amounts);
            });
}
