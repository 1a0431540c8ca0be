namespace TotalPlace.Reports.Html;

/// <summary>A printable document: a title, the version line every generated document carries, and its blocks.</summary>
/// <param name="Title">The title (HTML h1).</param>
/// <param name="Subtitle">A line under the title (place, kind of document).</param>
/// <param name="Version">The document version, e.g. "1.0".</param>
/// <param name="Date">The date of this version, written on the document.</param>
/// <param name="Blocks">The content, in order.</param>
public sealed record Document(string Title, string Subtitle, string Version, DateOnly Date, IReadOnlyList<DocumentBlock> Blocks)
{
    /// <summary>"Version 1.0, 24 November 2026", printed under the title.</summary>
    public string VersionLine => $"Version {Version}, {Formats.Date(Date)}";

    /// <summary>What the document was made from ("offer file samples/offers/x.json"; "store place.duckdb, batches 3, 4"),
    /// printed with the version so a reader can trace every figure; null keeps the generic wording.</summary>
    public string? MadeFrom { get; init; }
}
