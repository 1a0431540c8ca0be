namespace TotalPlace.Reports.Html;

/// <summary>One block of a printable document; rendered to HTML by <see cref="HtmlRenderer"/> and to Markdown by <see cref="MarkdownRenderer"/>.</summary>
public abstract record DocumentBlock;
