namespace TotalPlace.Reports.Html;

/// <summary>Label and value pairs (a definition list in HTML, a bullet list in Markdown).</summary>
public sealed record FactsBlock(IReadOnlyList<KeyValuePair<string, string>> Facts) : DocumentBlock;
