namespace TotalPlace.Reports.Html;

/// <summary>How a <see cref="ChartBlock"/> is drawn.</summary>
public enum ChartKind
{
    /// <summary>Vertical bars, grouped by category.</summary>
    Bar,

    /// <summary>Horizontal bars, one a category, for long category names (themes, agencies).</summary>
    HorizontalBar,

    /// <summary>A line through one point a category (cumulative cash flow).</summary>
    Line,
}
