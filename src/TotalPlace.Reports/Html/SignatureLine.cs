namespace TotalPlace.Reports.Html;

/// <summary>Who signs, for which organisation.</summary>
public sealed record SignatureLine(string Organisation, string Name, string Role);
