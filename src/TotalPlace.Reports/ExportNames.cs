using TotalPlace.Core;

namespace TotalPlace.Reports;

/// <summary>File names for exported documents: place, financial year and what the file holds, e.g.
/// <c>E07000120-2023-24-board-pack.pdf</c>, so a folder of exports sorts by place and year.</summary>
public static class ExportNames
{
    /// <summary>"{place}-{year}-{content}.{extension}", lower-case content with spaces as hyphens.</summary>
    public static string For(string placeCode, FiscalYear? year, string content, string extension)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(extension);
        var slug = string.Join('-', content.ToLowerInvariant().Split([' ', '_', '/', '\\'], StringSplitOptions.RemoveEmptyEntries));
        var place = string.Concat(placeCode.Where(char.IsLetterOrDigit));
        return year is { } y ? $"{place}-{y}-{slug}.{extension.TrimStart('.')}" : $"{place}-all-years-{slug}.{extension.TrimStart('.')}";
    }
}
