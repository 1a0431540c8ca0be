using TotalPlace.Core;
using TotalPlace.Reports.Html;

namespace TotalPlace.Reports.Places;

/// <summary>The one-page board pack of a place map: the headline total and per head, spend by theme and by agency
/// (charts with their figures), the trend by year, and the count ledger where the place has one.</summary>
public static class BoardPack
{
    /// <summary>Themes and agencies shown by name; the rest are one "other" line, so the pack stays on one page.</summary>
    public const int MaxNamedLines = 8;

    /// <summary>Builds the board pack document.</summary>
    public static Document Create(BoardPackData data, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(data);
        var name = string.IsNullOrEmpty(data.PlaceName) ? data.PlaceCode : $"{data.PlaceName} ({data.PlaceCode})";
        var facts = new List<KeyValuePair<string, string>>
        {
            new("Total public spend counted", Money.FromPounds(data.Total).ToString()),
            new("Lines counted", data.Lines.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))),
            new("Population", data.Population is { } people ? people.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) : "unknown"),
            new("Per head", data.Population is > 0 ? Money.FromPounds(Math.Round(data.Total / data.Population.Value, 2, MidpointRounding.ToEven)).ToString() : "unknown (no population)"),
            new("Counted", data.Counted),
        };
        var themes = Top(data.ByTheme);
        var agencies = Top(data.ByAgency);
        var blocks = new List<DocumentBlock>
        {
            new FactsBlock(facts),
            new ChartBlock("Spend by theme", ChartKind.HorizontalBar, "Theme", themes.Select(l => l.Name).ToList(), [new ChartSeries("Amount", themes.Select(l => l.Amount).ToList())]) { Compact = true },
            new ChartBlock("Spend by agency", ChartKind.HorizontalBar, "Agency", agencies.Select(l => l.Name).ToList(), [new ChartSeries("Amount", agencies.Select(l => l.Amount).ToList())]) { Compact = true },
        };
        if (data.ByYear.Count > 1)
        {
            blocks.Add(new ChartBlock("Spend by financial year", ChartKind.Bar, "Financial year", data.ByYear.Select(l => l.Name).ToList(), [new ChartSeries("Amount", data.ByYear.Select(l => l.Amount).ToList())]) { Compact = true });
        }

        if (data.CountLedger is { } ledger)
        {
            blocks.Add(new HeadingBlock(2, "Count ledger"));
            blocks.Add(ledger);
        }

        return new Document($"Board pack: {name}", $"The place on one page, {data.Scope}", "1.0", date, blocks);
    }

    /// <summary>The largest <see cref="MaxNamedLines"/> lines and one "other" line for the rest.</summary>
    public static List<BoardPackLine> Top(IReadOnlyList<BoardPackLine> lines)
    {
        var ordered = lines.OrderByDescending(l => l.Amount).ToList();
        if (ordered.Count <= MaxNamedLines + 1)
        {
            return ordered;
        }

        var rest = ordered.Skip(MaxNamedLines).ToList();
        return [.. ordered.Take(MaxNamedLines), new BoardPackLine($"Other ({rest.Count})", rest.Sum(l => l.Amount), rest.Sum(l => l.Lines))];
    }

    /// <summary>The breakdown as a table with shares, for a second page or an appendix.</summary>
    public static TableBlock Table(string caption, string label, IReadOnlyList<BoardPackLine> lines, decimal total) => new(
        caption,
        [label, "Amount", "Share", "Lines"],
        lines.Select(l => (IReadOnlyList<string>)[l.Name, Money.FromPounds(l.Amount).ToString(), total == 0m ? "—" : Formats.Percent(Math.Round(l.Amount / total, 4)), l.Lines.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))]).ToList(),
        new HashSet<int> { 1, 2, 3 },
        ["Total", Money.FromPounds(total).ToString(), total == 0m ? "—" : "100%", lines.Sum(l => l.Lines).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))]);
}
