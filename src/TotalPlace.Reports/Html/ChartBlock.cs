namespace TotalPlace.Reports.Html;

/// <summary>
/// A chart drawn as inline SVG (vector in the PDF, no script), with its figures also given as a table in formats that
/// cannot draw (Markdown, Word), so nothing shown in the chart is lost.
/// </summary>
/// <param name="Title">The chart's caption.</param>
/// <param name="Kind">Bars (one group per category) or lines (one point per category).</param>
/// <param name="CategoryLabel">What the categories are ("Year", "Theme").</param>
/// <param name="Categories">The categories along the axis, in order.</param>
/// <param name="Series">One or more series, each with one value per category (pounds).</param>
public sealed record ChartBlock(string Title, ChartKind Kind, string CategoryLabel, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series) : DocumentBlock
{
    /// <summary>Drawn smaller (shorter bars and plot), for one-page documents such as the board pack.</summary>
    public bool Compact { get; init; }

    /// <summary>The chart's figures as a table (to the penny), for formats that cannot draw and for readers who need the numbers.</summary>
    public TableBlock ToTable() => new(
        Title,
        [CategoryLabel, .. Series.Select(s => s.Name)],
        Categories.Select((category, i) => (IReadOnlyList<string>)[category, .. Series.Select(s => Formats.Money(Core.Money.FromPounds(s.Values[i])))]).ToList(),
        Enumerable.Range(1, Series.Count).ToHashSet());
}
