namespace TotalPlace.Reports.Html;

/// <summary>A bulleted list.</summary>
public sealed record ListBlock(IReadOnlyList<string> Items) : DocumentBlock;
