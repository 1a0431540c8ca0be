namespace TotalPlace.Reports.Html;

/// <summary>A paragraph of plain text.</summary>
public sealed record ParagraphBlock(string Text) : DocumentBlock;
