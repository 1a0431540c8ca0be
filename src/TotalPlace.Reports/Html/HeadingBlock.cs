namespace TotalPlace.Reports.Html;

/// <summary>A section heading (level 2 or 3; level 1 is the document title).</summary>
public sealed record HeadingBlock(int Level, string Text) : DocumentBlock;
