namespace TotalPlace.Reports.Html;

/// <summary>Forces a new page when printed (ignored in Markdown).</summary>
public sealed record PageBreakBlock : DocumentBlock;
