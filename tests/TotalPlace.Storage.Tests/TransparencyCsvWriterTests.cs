using System.Globalization;
using TotalPlace.Demo;

namespace TotalPlace.Storage.Tests;

public sealed class TransparencyCsvWriterTests
{
    [Fact]
    public void Write_SameArguments_WritesTheSameText()
    {
        var first = new StringWriter();
        var second = new StringWriter();

        TransparencyCsvWriter.Write(first, 2_000, seed: 3, cancellationToken: TestContext.Current.CancellationToken);
        TransparencyCsvWriter.Write(second, 2_000, seed: 3, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(first.ToString(), second.ToString());
    }

    [Fact]
    public void Write_NLines_WritesHeaderAndNLinesWhoseAmountsSumToTheSummary()
    {
        var text = new StringWriter();

        var summary = TransparencyCsvWriter.Write(text, 5_000, cancellationToken: TestContext.Current.CancellationToken);

        var lines = text.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(TransparencyCsvWriter.Header, lines[0]);
        Assert.Equal(5_000, lines.Length - 1);
        Assert.Equal(5_000, summary.Lines);
        Assert.Equal(TransparencyCsvWriter.Lines(5_000).Sum(t => t.Amount), summary.Total);

        // Amount is the fifth cell; the cells before it never hold commas.
        var parsed = lines.Skip(1).Sum(l => decimal.Parse(l.Split(',')[4], CultureInfo.InvariantCulture));
        Assert.Equal(summary.Total, parsed);
    }

    [Fact]
    public void Lines_LookLikeAPublishedFile_WithCreditNotesRepeatsRedactionsAndNameVariants()
    {
        var lines = TransparencyCsvWriter.Lines(20_000).ToList();

        Assert.InRange(lines.Count(t => t.Amount < 0), 200, 800);
        Assert.True(lines.GroupBy(t => (t.Supplier, t.Amount, t.Date)).Any(g => g.Count() > 1), "some payments repeat");
        Assert.Contains(lines, t => t.Supplier == "REDACTED - PERSONAL DATA");
        Assert.All(lines.Where(t => t.Amount > 0), t => Assert.True(t.Amount >= 500m));
        Assert.Contains(lines, t => t.Supplier!.EndsWith(" Limited", StringComparison.Ordinal));
        Assert.Contains(lines, t => t.Supplier!.EndsWith(" Ltd", StringComparison.Ordinal));
        Assert.All(lines, t => Assert.True(t.FiscalYear.Contains(t.Date)));
        Assert.All(lines, t => Assert.NotEqual(DayOfWeek.Sunday, t.Date.DayOfWeek));
    }

    [Fact]
    public void Write_UnknownPartner_IsRefusedNamingTheChoices()
    {
        var error = Assert.Throws<ArgumentException>(() => TransparencyCsvWriter.Write(new StringWriter(), 1, partner: "nowhere", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("manchester-city-council", error.Message, StringComparison.Ordinal);
    }
}
